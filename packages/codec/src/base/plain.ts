/**
 * Constructors of the plain objects the decoder makes per message (prototype Object.prototype, so
 * they are ordinary object literals to every caller).
 *
 * Why not literals: V8 tracks each object and array literal by its allocation site, and once most objects of
 * a site outlive a young-generation collection (a caller that keeps a few thousand messages, once)
 * it allocates every later object of that site straight in the old generation, which halves
 * decode speed for the rest of the process (benchmarks/README.md has the figures). Objects made by `new`
 * of a plain function carry no allocation site and always start young.
 */

interface Ctor<T, A extends unknown[]> {
  new (...args: A): T;
}

function plain<T, A extends unknown[]>(f: (this: T, ...args: A) => void): Ctor<T, A> {
  (f as unknown as { prototype: object }).prototype = Object.prototype;
  return f as unknown as Ctor<T, A>;
}

export interface NamedValue {
  name: string;
  value: string;
}
export interface IndexedNamedValue extends NamedValue {
  index: number;
}
export interface TaskIdValue {
  taskGroupHigh: number;
  taskGroupLow: number;
  sequenceNumber: number;
}

/** A NAMEDVAR: { name, value }. */
export const NamedVar = plain(function (this: NamedValue, name: string, value: string) {
  this.name = name;
  this.value = value;
});

/** A NAMEDARRAY element: { index, name, value }. */
export const NamedArrayItem = plain(function (this: IndexedNamedValue, index: number, name: string, value: string) {
  this.index = index;
  this.name = name;
  this.value = value;
});

/** A TASKID: { taskGroupHigh, taskGroupLow, sequenceNumber }. */
export const TaskId = plain(function (this: TaskIdValue, high: number, low: number, sequence: number) {
  this.taskGroupHigh = high;
  this.taskGroupLow = low;
  this.sequenceNumber = sequence;
});

/** An empty object: a group item, or a message without generated code. */
export const Empty = plain(function (this: Record<string, unknown>) {});

// A private empty array of the generic elements kind, never changed: its copies are new arrays with
// no allocation site (Array.prototype.slice), ready to hold objects without an elements transition.
const EMPTY: unknown[] = [undefined];
EMPTY.pop();

/** A new empty array: `[]` without an allocation site (see above). */
export function newArray<T>(): T[] {
  return EMPTY.slice() as T[];
}
