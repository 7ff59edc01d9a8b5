// The part of autocannon's API the bench uses (the package ships no types).
declare module "autocannon" {
  interface Histogram { average: number; p50: number; p97_5: number; p99: number }
  interface Result { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number }
  export default function autocannon(options: { url: string; connections: number; duration: number; headers?: Record<string, string> }): Promise<Result>;
}
