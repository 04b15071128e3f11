// `ctiwire dissector > ged188.lua`: a Wireshark Lua dissector generated from the schema. Protocol
// `ged188`; the message type in `ged188.message_type` (names as value strings); the fixed fields of
// each message type and the floating fields by tag, for the version of the preference `ged188.version`
// (or, by default, of each connection's OPEN_REQ when the capture has it) (every version 17-25 is in the file; constants as value strings and masks as bit fields; the floating header is 1-byte tag/length up to v19, 2-byte
// from v20); TCP reassembly with dissect_tcp_pdus (length = first 4 bytes + 8); a port preference
// (`ged188.ports`, default 42027,43027) and a heuristic dissector on TCP. Field names are the guide's:
// `ged188.AgentID`, `ged188.InvokeID` ... (a name used with two types gets `.TYPE` for the others).
// Repeated floating fields counted by a field (NumFltSkillGroups ...) are grouped as `decode --json`
// groups them (ctiwire's `layoutShape`): a subtree `ged188.group.<key>` (the JSON property), an item
// subtree per entry (a new entry where a member comes again; nested groups inside their parent's
// entry); NAMEDVAR and NAMEDARRAY show their index, name and value (`ged188.named.*`).
import {
  type DataType,
  layoutShape,
  type MessageSpec,
  messageSpecs,
  PROTOCOL_VERSIONS,
  tableOf,
  tagSpecs,
} from "ctiwire";
import { fieldTable } from "./dump.js";

const BITS: Record<string, number> = { uint8: 8, uint16: 16, uint32: 32, int8: 8, int16: 16, int32: 32 };

/** How a data type is shown: the ProtoField constructor and how the Lua code reads the value. */
const KIND: Record<DataType, { proto: string; read: "u" | "s" | "str" | "bytes" | "nv" | "na" }> = {
  CHAR: { proto: "int8", read: "s" },
  UCHAR: { proto: "uint8", read: "u" },
  SHORT: { proto: "int16", read: "s" },
  USHORT: { proto: "uint16", read: "u" },
  INT: { proto: "int32", read: "s" },
  UINT: { proto: "uint32", read: "u" },
  BOOL: { proto: "uint16", read: "u" },
  TIME: { proto: "uint32", read: "u" },
  STRING: { proto: "string", read: "str" },
  UNSPEC: { proto: "bytes", read: "bytes" },
  MHDR: { proto: "bytes", read: "bytes" },
  NAMEDVAR: { proto: "bytes", read: "nv" },
  NAMEDARRAY: { proto: "bytes", read: "na" },
  TASKID: { proto: "bytes", read: "bytes" },
  APPPATHID: { proto: "bytes", read: "bytes" },
};

const lua = (s: string) => JSON.stringify(s); // a JSON string of ASCII is a Lua string literal

/** Where OPEN_REQ's VersionNumber is, at every version (after the header and InvokeID). */
const OPEN_REQ_VERSION_OFFSET = 12;

/** The Lua source of the dissector. */
export function dissectorLua(): string {
  // Fields: one ProtoField per (name, proto type); the first type of a name is `ged188.Name`.
  const fields = new Map<string, { idx: number; abbrev: string; name: string; proto: string }>();
  const firstProto = new Map<string, string>();
  const field = (name: string, type: DataType): number => {
    const proto = KIND[type].proto;
    const key = `${name}\u0000${proto}`;
    let f = fields.get(key);
    if (f === undefined) {
      const first = firstProto.get(name);
      if (first === undefined) firstProto.set(name, proto);
      const abbrev = first === undefined || first === proto ? `ged188.${name}` : `ged188.${name}.${proto}`;
      f = { idx: fields.size + 1, abbrev, name, proto };
      fields.set(key, f);
    }
    return f.idx;
  };
  const readOf = (type: DataType) => KIND[type].read;

  // Group subtrees: one FT_NONE field per JSON property name of a group.
  const groupFields = new Map<string, number>();
  const groupField = (key: string) => {
    let k = groupFields.get(key);
    if (k === undefined) {
      k = groupFields.size + 1;
      groupFields.set(key, k);
    }
    return k;
  };

  // Layouts shared between versions: {fixed = {{field, offset, size, read}...}, fl = {[tag] = {field,
  // read, group, position}}, groups = {{field, key, single, parent, nested = {...}}}}.
  const layouts: string[] = [];
  const layoutIndex = new Map<string, number>();
  const names = new Map<number, string>();
  const perVersion: string[] = [];
  const tagsPerVersion: string[] = [];
  for (const v of PROTOCOL_VERSIONS) {
    const entries: string[] = [];
    for (const spec of messageSpecs(v) as readonly MessageSpec[]) {
      names.set(spec.type, spec.name);
      const fixed = spec.fixed
        .filter((f) => f.type !== "MHDR")
        .map((f) => `{${field(f.name, f.type)},${f.offset},${f.size},"${readOf(f.type)}"}`)
        .join(",");
      // Subtrees as decode --json's arrays: the codec's own grouping of the layout.
      const gs = layoutShape(spec);
      const fl = spec.floating
        .map((f, i) => {
          const g = gs.fieldGroup[i]!;
          const grouped = g < 0 ? "" : `,${g + 1},${gs.groups[g]!.members.indexOf(i) + 1}`;
          return `[${f.tag}]={${field(f.name, f.type)},"${readOf(f.type)}"${grouped}}`;
        })
        .join(",");
      const groups = gs.groups
        .map((g, k) => {
          const nested = gs.groups.flatMap((o, j) => (o.parent === k ? [j + 1] : []));
          return `{${groupField(g.key)},${lua(g.key)},${g.single},${g.parent + 1},{${nested.join(",")}}}`;
        })
        .join(",");
      const text = `{fixed={${fixed}},fl={${fl}},groups={${groups}},size=${spec.fixedSize}}`;
      let i = layoutIndex.get(text);
      if (i === undefined) {
        i = layouts.length + 1;
        layouts.push(text);
        layoutIndex.set(text, i);
      }
      entries.push(`[${spec.type}]=L[${i}]`);
    }
    perVersion.push(`V[${v}]={${entries.join(",")}}`);
    const tags = tagSpecs(v)
      .map((t) => `[${t.tag}]={${field(t.name, t.type)},"${readOf(t.type)}"}`)
      .join(",");
    tagsPerVersion.push(`T[${v}]={${tags}}`);
  }

  const valueStrings = new Map<string, number>();
  const vsDecls: string[] = [];
  const bitDecls: string[] = [];
  const fieldDecls = [...fields.values()]
    .map((f) => {
      const bits = BITS[f.proto];
      if (bits === undefined) return `F[${f.idx}]=ProtoField.${f.proto}(${lua(f.abbrev)}, ${lua(f.name)})`;
      const ref = fieldTable(f.name);
      const table = ref === undefined ? undefined : tableOf(ref);
      let vs = "";
      if (table !== undefined && !table.mask) {
        let k = valueStrings.get(table.name);
        if (k === undefined) {
          k = valueStrings.size + 1;
          valueStrings.set(table.name, k);
          const entries = table.entries.map((e) => `[${e.value}]=${lua(e.name)}`).join(",");
          vsDecls.push(`VS[${k}]={${entries}} -- ${table.name}`);
        }
        vs = `, VS[${k}]`;
      } else if (table !== undefined) {
        const flags = table.entries
          .filter((e) => e.value > 0 && e.value < 2 ** bits && (e.value & (e.value - 1)) === 0)
          .map((e) => `ProtoField.bool(${lua(`${f.abbrev}.${e.name}`)}, ${lua(e.name)}, ${bits}, nil, ${e.value})`);
        bitDecls.push(`B[${f.idx}]={${flags.join(",")}}`);
      }
      return `F[${f.idx}]=ProtoField.${f.proto}(${lua(f.abbrev)}, ${lua(f.name)}, base.DEC${vs})`;
    })
    .join("\n");
  const typeNames = [...names.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, n]) => `[${t}]=${lua(n)}`)
    .join(",");

  return `-- ged188.lua: Wireshark dissector for the Cisco CTI Server protocol (GED-188), versions ${PROTOCOL_VERSIONS[0]}-${PROTOCOL_VERSIONS[PROTOCOL_VERSIONS.length - 1]}.
-- Generated by \`ctiwire dissector\` from the ctiwire schema: do not edit.
-- Install: copy to ~/.local/lib/wireshark/plugins/ (or: tshark -X lua_script:ged188.lua ...).
-- Preferences: ged188.version (default 25; a connection's OPEN_REQ gives its own unless ged188.from_open_req is off),\n-- ged188.ports (default 42027,43027), ged188.heuristic.

local ged188 = Proto("ged188", "Cisco CTI Server Protocol (GED-188)")

local MESSAGE_TYPES = {${typeNames}}

local VS = {}
${vsDecls.join("\n")}
local F = {}
${fieldDecls}
local B = {}
${bitDecls.join("\n")}
local G = {}
${[...groupFields].map(([key, k]) => `G[${k}]=ProtoField.none(${lua(`ged188.group.${key}`)}, ${lua(key)})`).join("\n")}
local f_length = ProtoField.uint32("ged188.length", "MessageLength", base.DEC)
local f_type = ProtoField.uint32("ged188.message_type", "MessageType", base.DEC, MESSAGE_TYPES)
local f_tag = ProtoField.uint16("ged188.floating.tag", "Tag", base.DEC)
local f_flen = ProtoField.uint16("ged188.floating.length", "Length", base.DEC)
local f_unknown = ProtoField.bytes("ged188.floating.unknown", "Unknown floating field")
local f_item = ProtoField.none("ged188.item", "Item")
local f_named_index = ProtoField.uint8("ged188.named.index", "Index", base.DEC)
local f_named_name = ProtoField.string("ged188.named.name", "Name")
local f_named_value = ProtoField.string("ged188.named.value", "Value")
local all = { f_length, f_type, f_tag, f_flen, f_unknown, f_item, f_named_index, f_named_name, f_named_value }
for _, f in ipairs(F) do all[#all + 1] = f end
for _, f in ipairs(G) do all[#all + 1] = f end
for _, bs in pairs(B) do for _, b in ipairs(bs) do all[#all + 1] = b end end
ged188.fields = all

local e_short = ProtoExpert.new("ged188.short", "Frame shorter than its fixed part", expert.group.MALFORMED, expert.severity.ERROR)
local e_float = ProtoExpert.new("ged188.floating.bad", "Floating field overruns the frame", expert.group.MALFORMED, expert.severity.ERROR)
local e_type = ProtoExpert.new("ged188.unknown_type", "Message type unknown at this version", expert.group.UNDECODED, expert.severity.WARN)
ged188.experts = { e_short, e_float, e_type }

-- Layouts of each message type per version: fixed = {{field, offset, size, read}},
-- fl = {[tag] = {field, read, group, position in the group}}, groups = {{G field, key, single, parent, nested}}.
local L = {
${layouts.join(",\n")}
}
local V = {}
${perVersion.join("\n")}
local T = {}
${tagsPerVersion.join("\n")}

local DEFAULT_PORTS = "42027,43027"
ged188.prefs.version = Pref.uint("Protocol version", 25, "GED-188 protocol version of the capture (${PROTOCOL_VERSIONS[0]}-${PROTOCOL_VERSIONS[PROTOCOL_VERSIONS.length - 1]})")
ged188.prefs.ports = Pref.range("TCP ports", DEFAULT_PORTS, "CTI Server TCP ports", 65535)
ged188.prefs.heuristic = Pref.bool("Heuristic dissector", true, "Try GED-188 on TCP connections on other ports")
ged188.prefs.from_open_req = Pref.bool("Version from OPEN_REQ", true, "Where a connection's OPEN_REQ is in the capture, its VersionNumber is the version (else the preference)")

-- The version of each TCP stream whose OPEN_REQ was seen.
local f_tcp_stream = Field.new("tcp.stream")
local stream_versions = {}
function ged188.init()
  stream_versions = {}
end

local function version()
  if ged188.prefs.from_open_req then
    local s = f_tcp_stream()
    if s ~= nil and stream_versions[s.value] ~= nil then return stream_versions[s.value] end
  end
  local v = ged188.prefs.version
  if V[v] == nil then return ${PROTOCOL_VERSIONS[PROTOCOL_VERSIONS.length - 1]} end
  return v
end

-- OPEN_REQ (type 3): its VersionNumber (offset ${OPEN_REQ_VERSION_OFFSET}) gives the stream's version.
local function note_open_req(tvb)
  if tvb:len() < ${OPEN_REQ_VERSION_OFFSET + 4} or tvb(4, 4):uint() ~= 3 then return end
  local v = tvb(${OPEN_REQ_VERSION_OFFSET}, 4):uint()
  local s = f_tcp_stream()
  if s ~= nil and V[v] ~= nil then stream_versions[s.value] = v end
end

local MAX_LENGTH = 65536

local function cstring(r)
  local s = r:string()
  local z = s:find("\\0", 1, true)
  if z then s = s:sub(1, z - 1) end
  return s
end

-- NAMEDVAR (name NUL value NUL) and NAMEDARRAY (index, name NUL value NUL): as decode reads them, a
-- missing NUL ends the string at the field's end.
local function add_named(tree, field, r, is_array)
  local t = tree:add(field, r)
  local s = r:raw()
  local p = 1
  local label = ""
  if is_array then
    t:add(f_named_index, r(0, 1))
    label = "[" .. s:byte(1) .. "] "
    p = 2
  end
  local z1 = s:find("\0", p, true) or (#s + 1)
  local name = s:sub(p, z1 - 1)
  local z2 = s:find("\0", z1 + 1, true) or (#s + 1)
  local value = s:sub(z1 + 1, z2 - 1)
  -- A string's range holds its NUL where there is one (a range is never empty).
  local function range(from, to)
    if from > #s then return r(#s - 1, 1) end
    return r(from - 1, math.min(to, #s) - from + 1)
  end
  t:add(f_named_name, range(p, z1), name)
  t:add(f_named_value, range(z1 + 1, z2), value)
  t:append_text(" (" .. label .. name .. " = " .. value .. ")")
end

local function add_value(tree, i, r, read)
  local field = F[i]
  if read == "str" then
    tree:add(field, r, cstring(r))
  elseif read == "nv" or read == "na" then
    add_named(tree, field, r, read == "na")
  elseif read == "bytes" then
    tree:add(field, r)
  elseif read == "s" then
    tree:add(field, r, r:int())
  else
    local t = tree:add(field, r, r:uint())
    local bs = B[i]
    if bs ~= nil then
      for _, b in ipairs(bs) do t:add(b, r) end
    end
  end
end

local function get_len(tvb, pinfo, offset)
  return tvb(offset, 4):uint() + 8
end

local function dissect_pdu(tvb, pinfo, tree)
  note_open_req(tvb)
  local v = version()
  local total = tvb:len()
  local mtype = tvb(4, 4):uint()
  local name = MESSAGE_TYPES[mtype] or ("type " .. mtype)
  pinfo.cols.protocol = "GED188"
  if pinfo.private.ged188_seen == "1" then
    pinfo.cols.info:append(", " .. name)
  else
    pinfo.cols.info:set(name)
    pinfo.private.ged188_seen = "1"
  end
  local sub = tree:add(ged188, tvb(0, total), "GED-188 v" .. v .. ", " .. name)
  sub:add(f_length, tvb(0, 4))
  sub:add(f_type, tvb(4, 4))
  local layout = V[v][mtype]
  if layout == nil then
    sub:add_proto_expert_info(e_type)
    return total
  end
  if total < layout.size then
    sub:add_proto_expert_info(e_short)
    return total
  end
  for _, f in ipairs(layout.fixed) do
    add_value(sub, f[1], tvb(f[2], f[3]), f[4])
  end
  local hs = (v <= 19) and 1 or 2
  local o = layout.size
  local tags = T[v]
  -- Groups: their subtree, current entry, last member position, entries so far, and where each starts.
  local gt, it, last, count, gstart, istart = {}, {}, {}, {}, {}, {}
  local function forget(g)
    for _, n in ipairs(layout.groups[g][5]) do
      gt[n], it[n], last[n], count[n] = nil, nil, nil, nil
      forget(n)
    end
  end
  -- The tree a member of group g at position pos goes into (a new entry when pos comes again).
  local function container(g, pos, at)
    local gd = layout.groups[g]
    local parent = sub
    if gd[4] > 0 then parent = container(gd[4], nil, at) end
    if gt[g] == nil then
      gt[g] = parent:add(G[gd[1]], tvb(at, 1))
      gstart[g] = at
      count[g] = 0
    end
    if gd[3] then return gt[g] end
    if it[g] == nil or (pos ~= nil and last[g] >= pos) then
      it[g] = gt[g]:add(f_item, tvb(at, 1))
      it[g]:set_text(gd[2] .. "[" .. count[g] .. "]")
      istart[g] = at
      count[g] = count[g] + 1
      last[g] = 0
      forget(g)
    end
    if pos ~= nil then last[g] = pos end
    return it[g]
  end
  -- Subtrees span their members: from the first's tag to the end of the last.
  local function extend(g, to)
    while g > 0 do
      gt[g]:set_len(to - gstart[g])
      if it[g] ~= nil then it[g]:set_len(to - istart[g]) end
      g = layout.groups[g][4]
    end
  end
  while o + 2 * hs <= total do
    local tag = tvb(o, hs):uint()
    local len = tvb(o + hs, hs):uint()
    if o + 2 * hs + len > total then
      sub:add_proto_expert_info(e_float)
      break
    end
    local d = tvb(o + 2 * hs, len)
    local fd = layout.fl[tag] or tags[tag]
    if fd ~= nil then
      local into = sub
      if fd[3] ~= nil then into = container(fd[3], fd[4], o) end
      if len == 0 then
        into:add(F[fd[1]], tvb(o, 2 * hs), (fd[2] == "str") and "" or 0)
      else
        add_value(into, fd[1], d, fd[2])
      end
      if fd[3] ~= nil then extend(fd[3], o + 2 * hs + len) end
    else
      local u = sub:add(f_unknown, tvb(o, 2 * hs + len))
      u:add(f_tag, tvb(o, hs))
      u:add(f_flen, tvb(o + hs, hs))
    end
    o = o + 2 * hs + len
  end
  return total
end

function ged188.dissector(tvb, pinfo, tree)
  dissect_tcp_pdus(tvb, tree, 8, get_len, dissect_pdu, true)
  return tvb:len()
end

local function heuristic(tvb, pinfo, tree)
  if not ged188.prefs.heuristic or tvb:len() < 8 then return false end
  local len = tvb(0, 4):uint()
  local mtype = tvb(4, 4):uint()
  local layout = V[version()][mtype]
  if layout == nil or len > MAX_LENGTH or len + 8 < layout.size then return false end
  pinfo.conversation = ged188
  ged188.dissector(tvb, pinfo, tree)
  return true
end
ged188:register_heuristic("tcp", heuristic)

local tcp_port = DissectorTable.get("tcp.port")
local ports = DEFAULT_PORTS
tcp_port:add(ports, ged188)

function ged188.prefs_changed()
  local p = tostring(ged188.prefs.ports)
  if p ~= ports then
    if ports ~= "" then tcp_port:remove(ports, ged188) end
    ports = p
    if ports ~= "" then tcp_port:add(ports, ged188) end
  end
end
`;
}
