// Stored with every analysis so results can be recomputed when extraction changes.
// Bump it whenever a change to server/extraction or server/resume can change the output.
export const PARSER_VERSION = "3.6.21";
