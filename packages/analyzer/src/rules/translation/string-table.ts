/**
 * A set of strings numbered 0, 1, 2… in the order they were added: what the word rules look every
 * word up in. Not a rule.
 *
 * A `Map` keyed by word strings keeps each key as its own object somewhere on the heap, so a
 * lookup that finds a word compares it with a key the cache rarely holds; on 2 MB of prose the
 * readability rule's one lookup per word cost more than everything else it does. Here the keys'
 * characters sit side by side in one array and the slots in another, a few hundred kilobytes that
 * stay in the cache, and a lookup hashes the word (FNV-1a over its UTF-16 units), probes the slots
 * and compares the characters.
 */

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

export class StringTable {
  /** Strings in the table; ids run from 0 to `size − 1`. */
  size = 0
  /** Id + 1 by slot; 0 is an empty slot. */
  private slots = new Int32Array(1024)
  /** By id: the string's hash, and where its characters start in `chars` (`starts[id + 1]` is where they end). */
  private hashes = new Int32Array(512)
  private starts = new Int32Array(513)
  private chars = new Uint16Array(4096)

  /** The id of `text`, or −1. */
  get(text: string): number {
    const hash = hashOf(text)
    const { slots, hashes, starts, chars } = this
    const mask = slots.length - 1
    const length = text.length
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1
      if (id < 0) return -1
      if (hashes[id] !== hash) continue
      const start = starts[id]!
      if (starts[id + 1]! - start !== length) continue
      let same = true
      for (let i = 0; i < length; i++) {
        if (chars[start + i] !== text.charCodeAt(i)) {
          same = false
          break
        }
      }
      if (same) return id
    }
  }

  /** The id of `text`, added first when the table does not hold it. */
  add(text: string): number {
    const found = this.get(text)
    if (found >= 0) return found
    const id = this.size++
    if (id + 1 >= this.hashes.length) {
      this.hashes = grow(this.hashes, this.hashes.length * 2)
      this.starts = grow(this.starts, this.starts.length * 2)
    }
    const start = this.starts[id]!
    const end = start + text.length
    if (end > this.chars.length) {
      const chars = new Uint16Array(Math.max(end, this.chars.length * 2))
      chars.set(this.chars)
      this.chars = chars
    }
    for (let i = 0; i < text.length; i++) this.chars[start + i] = text.charCodeAt(i)
    this.starts[id + 1] = end
    const hash = hashOf(text)
    this.hashes[id] = hash
    // Load at most one half.
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2)
    else this.place(hash, id)
    return id
  }

  /** Forget every string (ids start again at 0). */
  clear(): void {
    this.size = 0
    this.slots.fill(0)
  }

  private place(hash: number, id: number): void {
    const mask = this.slots.length - 1
    let slot = hash & mask
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask
    this.slots[slot] = id + 1
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity)
    for (let id = 0; id < this.size; id++) this.place(this.hashes[id]!, id)
  }
}

function hashOf(text: string): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME)
  // As a 32-bit integer, the form `hashes` stores (the empty string's hash is the offset basis, past 2³¹).
  return hash | 0
}

function grow(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length)
  grown.set(array)
  return grown
}
