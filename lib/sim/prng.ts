// A small seeded PRNG (mulberry32): same seed, same data, on every machine.

export interface Random {
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  uuid(): string;
  hex(bytes: number): string;
  base64url(bytes: number): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const bytes = (count: number): Uint8Array => {
    const out = new Uint8Array(count);
    for (let index = 0; index < count; index += 1) out[index] = nextUint32() & 0xff;
    return out;
  };
  const random: Random = {
    next: () => nextUint32() / 4294967296,
    int: (min, max) => min + Math.floor(random.next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(random.next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    chance: (probability) => random.next() < probability,
    uuid: () => formatUuid(bytes(16)),
    hex: (count) => Buffer.from(bytes(count)).toString("hex").toUpperCase(),
    base64url: (count) => Buffer.from(bytes(count)).toString("base64url"),
  };
  return random;
}

const HEX = Array.from({ length: 256 }, (_, value) => value.toString(16).padStart(2, "0"));

/** Formats 16 bytes as a version-4 UUID (the variant and version bits are forced). Table-driven: seeding is hot. */
export function formatUuid(raw: Uint8Array): string {
  const h = (index: number, value = raw[index] ?? 0) => HEX[value] ?? "00";
  return (
    h(0) +
    h(1) +
    h(2) +
    h(3) +
    "-" +
    h(4) +
    h(5) +
    "-" +
    h(6, ((raw[6] ?? 0) & 0x0f) | 0x40) +
    h(7) +
    "-" +
    h(8, ((raw[8] ?? 0) & 0x3f) | 0x80) +
    h(9) +
    "-" +
    h(10) +
    h(11) +
    h(12) +
    h(13) +
    h(14) +
    h(15)
  );
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
