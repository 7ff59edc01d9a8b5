import { describe, expect, it } from "vitest";
import { MinHeap } from "@/lib/domain/min-heap";
import { mulberry32, randomInt } from "@/lib/random";

describe("MinHeap", () => {
  it("pops in comparator order, including duplicates", () => {
    const random = mulberry32(3);
    const heap = new MinHeap<number>((a, b) => a - b);
    const values: number[] = [];
    for (let i = 0; i < 500; i++) {
      const v = randomInt(random, 0, 50);
      values.push(v);
      heap.push(v);
    }
    expect(heap.size).toBe(500);
    const out: number[] = [];
    for (let v = heap.pop(); v !== undefined; v = heap.pop()) out.push(v);
    expect(out).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
    expect(heap.size).toBe(0);
  });

  it("interleaves pushes and pops", () => {
    const heap = new MinHeap<number>((a, b) => a - b);
    heap.push(5);
    heap.push(1);
    expect(heap.pop()).toBe(1);
    heap.push(3);
    heap.push(7);
    expect(heap.pop()).toBe(3);
    expect(heap.pop()).toBe(5);
    expect(heap.pop()).toBe(7);
  });
});
