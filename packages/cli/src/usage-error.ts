/**
 * Bad usage (a missing input, an option value that is not valid): kg exits 2 instead of 1. A module of its
 * own so that main.ts can tell it apart without loading a command's code (`kg --help` starts faster).
 */
export class UsageError extends Error {}
