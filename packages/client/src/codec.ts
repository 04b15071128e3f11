// The one place the client imports the protocol's code from: the ctiwire facade, so that the backend
// it picks (setBackend, CTIWIRE_BACKEND, the faster one) decodes the session's frames too.
export {
  type CtiMessage,
  decode,
  encode,
  FrameDecoder,
  FrameSplitter,
  fieldPropertyName,
  fillMessage,
  groupPropertyName,
  isCtiProtocolError,
  type MessageByName,
  type MessageName,
} from "ctiwire";
