/**
 * Legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows): tables, conversions, detection by font and by text,
 * a grid read as Unicode, and the report's messages. Pure: no host, no Node.
 */
export * from "./tables";
export * from "./convert";
export * from "./fonts";
export * from "./syllable";
export * from "./vocabulary";
export * from "./detect";
export * from "./grid";
export * from "./messages";
