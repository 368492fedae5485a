/**
 * Runs `task` for every item with at most `concurrency` running at once, and calls `onDone` in the
 * items' order as soon as each result and all before it are in (so output streams in a stable order).
 *
 * @example
 * await runPool([1, 2, 3], 2, async (n) => n * 2, (result, i) => console.log(i, result))
 */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
  onDone: (result: R, index: number) => void,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  const done: boolean[] = new Array(items.length).fill(false)
  let next = 0
  let reported = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index]!, index)
      done[index] = true
      while (reported < items.length && done[reported]) {
        onDone(results[reported]!, reported)
        reported++
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}
