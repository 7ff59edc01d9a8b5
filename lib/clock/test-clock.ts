// A clock the end-to-end tests can move forward, so one kull can live a whole programme year in
// one test run (applications, the deadline, samlinger, the exam, the next intake). It exists only
// when the server is started with E2E_TEST_CLOCK=true on a plain-http (local) APP_URL; then
// instrumentation.ts replaces the global Date with one that runs `offset` milliseconds ahead, and
// POST /api/test/klokke sets the offset. Every `new Date()` and `Date.now()` in the app follows it
// without the use cases knowing (they already take their time from the clock of the process);
// PostgreSQL's own now() does not, which only the columns written by raw SQL notice.
//
// Never set E2E_TEST_CLOCK in a deployment: the server warns at start-up, and refuses it with an
// https APP_URL.

const holder = globalThis as { __testClockOffset?: number; __testClockInstalled?: boolean; __realDate?: DateConstructor };

export function testClockRequested(environment: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return environment.E2E_TEST_CLOCK === "true";
}

export function testClockEnabled(): boolean {
  return holder.__testClockInstalled === true;
}

/** Replaces the global Date with one that follows the offset (idempotent). */
export function installTestClock(appUrl: string): void {
  if (holder.__testClockInstalled) return;
  if (appUrl.startsWith("https://")) throw new Error("E2E_TEST_CLOCK is for local end-to-end tests only, never with an https APP_URL.");
  const RealDate = Date;
  holder.__realDate = RealDate;
  holder.__testClockOffset = 0;
  const shiftedNow = () => RealDate.now() + (holder.__testClockOffset ?? 0);
  const Shifted = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return args.length === 0 ? Reflect.construct(target, [shiftedNow()], newTarget) : Reflect.construct(target, args, newTarget);
    },
    apply(target) {
      return new target(shiftedNow()).toString();
    },
    get(target, property, receiver) {
      if (property === "now") return shiftedNow;
      return Reflect.get(target, property, receiver);
    },
  });
  globalThis.Date = Shifted;
  holder.__testClockInstalled = true;
}

/** Moves the clock so that it reads `to` now (forward or back); returns the new offset. */
export function setTestClock(to: Date): number {
  if (!holder.__testClockInstalled || !holder.__realDate) throw new Error("The test clock is not installed.");
  holder.__testClockOffset = to.getTime() - holder.__realDate.now();
  return holder.__testClockOffset;
}

export function resetTestClock(): void {
  holder.__testClockOffset = 0;
}
