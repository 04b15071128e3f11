// The one place the client imports the codec from, so that switching backends (the `ctiwire` facade)
// is a one-line change.
export {
  type CtiMessage,
  decode,
  encode,
  FrameDecoder,
  fieldPropertyName,
  groupPropertyName,
  isCtiProtocolError,
  type MessageByName,
  type MessageName,
} from "@ctiwire/codec";
