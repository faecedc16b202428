// A TCP proxy the test controls, put between a process and the shared PostgreSQL: `cut()` drops
// every open connection and refuses new ones (as if PostgreSQL had stopped), `restore()` lets
// connections through again. The shared PostgreSQL itself is never stopped.
import { createServer, connect, type Server, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** Drops open connections and refuses new ones (ECONNREFUSED). */
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  close: () => Promise<void>;
  /** Rewrites a postgresql:// URL to go through the proxy. */
  viaProxy: (url: string) => string;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server | null = null;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = connect(target.port, target.host);
        sockets.add(client);
        sockets.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        const address = next.address();
        if (typeof address === "object" && address) port = address.port;
        server = next;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = null;
      if (!current) return resolve();
      current.close(() => resolve());
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    });

  await listen();
  return {
    get port() {
      return port;
    },
    cut: stopListening,
    restore: async () => {
      if (!server) await listen();
    },
    close: stopListening,
    viaProxy: (url: string) => {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(port);
      return parsed.toString();
    },
  };
}
