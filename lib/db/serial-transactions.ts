// One query at a time on a transaction's connection.
//
// Inside an interactive transaction Prisma holds one `pg` client, but its query interpreter runs
// the queries of one operation in parallel where it can: a read or write with several relations
// `include`d fetches each relation with `Promise.all` (the "join" node of the query plan), and
// code that awaits `Promise.all` over `tx` queries does the same. `pg` then queues the second
// query inside the client, which works today but is deprecated ("Calling client.query() when the
// client is already executing a query is deprecated and will be removed in pg@9.0"), printed by
// our servers under load. Known upstream (prisma/orm#29468, #29979, open for adapter-pg 7.10).
//
// This wraps the adapter so that every query of a transaction waits for the previous one: the
// same order pg's internal queue gave, with no reliance on it. Queries outside transactions go
// to the pool as before (each on its own connection, so parallel reads stay parallel).
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

export function oneQueryAtATimeInTransactions<Factory extends SqlDriverAdapterFactory>(factory: Factory): Factory {
  return forward(factory, {
    connect: async () => serialTransactions(await factory.connect()),
  });
}

function serialTransactions(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return forward(adapter, {
    startTransaction: async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => oneAtATime(await adapter.startTransaction(...args)),
  });
}

function oneAtATime(transaction: Transaction): Transaction {
  let previous: Promise<unknown> = Promise.resolve();
  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = previous.then(work, work);
    previous = turn.catch(() => undefined);
    return turn;
  }
  return forward(transaction, {
    queryRaw: (query: Parameters<Transaction["queryRaw"]>[0]) => inTurn(() => transaction.queryRaw(query)),
    executeRaw: (query: Parameters<Transaction["executeRaw"]>[0]) => inTurn(() => transaction.executeRaw(query)),
    commit: () => inTurn(() => transaction.commit()),
    rollback: () => inTurn(() => transaction.rollback()),
  });
}

/** `target` with some methods replaced; every other property read from (and bound to) it. */
function forward<T extends object>(target: T, replaced: Record<string, unknown>): T {
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === "string" && Object.hasOwn(replaced, property)) return replaced[property];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
