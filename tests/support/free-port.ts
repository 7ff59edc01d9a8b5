import { createServer } from "node:net";

/**
 * A TCP port on 127.0.0.1 that nothing listens on at this moment: the operating system picks it.
 * A port derived from a process id can be one another test's server already holds.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
