// The floor has no start-up work (without this file the build picks up the app's instrumentation.ts).
export function register() {}
