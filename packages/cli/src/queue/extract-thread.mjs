// Thread entry in plain JavaScript (Node won't start a worker from a .ts file): registers tsx, then loads the thread.
import { register } from "tsx/esm/api";

register();
await import("./extract-thread.ts");
