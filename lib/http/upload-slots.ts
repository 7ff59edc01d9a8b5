// How many uploads run at once in this process. An upload holds database connections (the
// session, the hourly limit, the ownership check, then a transaction that waits for the
// application's row lock), and the pool has 10 (lib/db/client.ts). A burst of uploads from one
// person (a folder dropped at once, a script) could take them all and make every other request
// fail to get a connection: a 500. So each upload route asks for a slot first (lib/http/form-post.ts,
// before anything is read): at most PER_USER uploads of one person run, up to QUEUE_PER_USER more
// wait their turn, and anything beyond is answered 503 "try again" at once, without touching the
// database. Across all users at most ALL run, so the pages always keep connections of their own.
// The limits are per process: with several instances each keeps within its own pool.

export const UPLOAD_SLOTS = { PER_USER: 2, QUEUE_PER_USER: 8, ALL: 5 } as const;

export const UPLOAD_BUSY_MESSAGE =
  "Du laster opp mange filer samtidig. Vent til de andre er ferdige, og prøv igjen om noen sekunder.";

/** Seconds a refused upload is told to wait (Retry-After). */
export const UPLOAD_BUSY_RETRY_SECONDS = 5;

export type Release = () => void;

/** A counting semaphore with a bounded queue (first come, first served). */
export class Slots {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  constructor(
    private readonly limit: number,
    private readonly queueLimit = Number.POSITIVE_INFINITY,
  ) {}

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** A release function once a slot is free, or null at once when the queue is full. */
  acquire(): Promise<Release | null> {
    if (this.running < this.limit) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.queueLimit) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.queue.push(() => resolve(this.releaser()));
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      // The slot passes straight to the next in line; otherwise it is free.
      if (next) next();
      else this.running -= 1;
    };
  }
}

/** Slots per key (a user id), each with its own limit and queue; a key with nothing left is forgotten. */
export class KeyedSlots {
  private readonly byKey = new Map<string, Slots>();
  constructor(
    private readonly limit: number,
    private readonly queueLimit: number,
  ) {}

  get size(): number {
    return this.byKey.size;
  }

  async acquire(key: string): Promise<Release | null> {
    let slots = this.byKey.get(key);
    if (!slots) {
      slots = new Slots(this.limit, this.queueLimit);
      this.byKey.set(key, slots);
    }
    const release = await slots.acquire();
    if (!release) return null;
    const owner = slots;
    return () => {
      release();
      if (owner.active === 0 && owner.waiting === 0 && this.byKey.get(key) === owner) this.byKey.delete(key);
    };
  }
}

/** One person's slot and then one of everyone's, released together; null: refuse with 503. */
export class UploadSlots {
  private readonly perUser: KeyedSlots;
  private readonly all: Slots;
  constructor(limits: { PER_USER: number; QUEUE_PER_USER: number; ALL: number } = UPLOAD_SLOTS) {
    this.perUser = new KeyedSlots(limits.PER_USER, limits.QUEUE_PER_USER);
    this.all = new Slots(limits.ALL);
  }

  async acquire(userId: string): Promise<Release | null> {
    const mine = await this.perUser.acquire(userId);
    if (!mine) return null;
    const shared = await this.all.acquire();
    return () => {
      shared?.();
      mine();
    };
  }
}

// One set per process, also when the bundler gives each route its own copy of this module.
const holder = globalThis as { __uploadSlots?: UploadSlots };

export function uploadSlots(): UploadSlots {
  return (holder.__uploadSlots ??= new UploadSlots());
}
