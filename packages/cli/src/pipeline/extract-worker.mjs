// Worker entry in plain JavaScript: Node won't start a worker from a .ts file,
// so this registers tsx in the thread and then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./extract-worker.ts");
