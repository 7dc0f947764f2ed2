import { describe, expect, it } from "vitest";
import { Semaphore } from "@/lib/shared/semaphore";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("Semaphore", () => {
  it("runs at most its limit at once, and every task in the end, in the order they came", async () => {
    const gate = new Semaphore(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        gate.run(async () => {
          started.push(i);
          running += 1;
          most = Math.max(most, running);
          await tick();
          running -= 1;
          return i * 10;
        }),
      ),
    );
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(most).toBe(2);
    expect(gate.peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(gate.active).toBe(0);
    expect(gate.queued).toBe(0);
  });

  it("a task that throws gives its turn back, and its caller gets the error", async () => {
    const gate = new Semaphore(1);
    const failed = gate.run(async () => {
      await tick();
      throw new Error("the read failed");
    });
    const next = gate.run(async () => "read");
    expect(gate.queued).toBe(1);
    await expect(failed).rejects.toThrow("the read failed");
    await expect(next).resolves.toBe("read");
    expect(gate.active).toBe(0);
  });

  it("a turn handed over cannot be taken by a newcomer in between", async () => {
    const gate = new Semaphore(1);
    const order: string[] = [];
    const first = gate.run(async () => {
      await tick();
      order.push("first");
    });
    const second = gate.run(async () => {
      order.push("second");
    });
    await first;
    // The first's turn went to the second, which has not run yet: a newcomer waits behind it.
    expect(gate.active).toBe(1);
    const third = gate.run(async () => {
      order.push("third");
    });
    await Promise.all([second, third]);
    expect(order).toEqual(["first", "second", "third"]);
  });

  it("refuses a limit below one or not whole", () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
  });
});
