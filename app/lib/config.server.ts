// Validated process configuration (limits, URLs), read once from the environment.
export { getConfig } from "@server/services.ts";
