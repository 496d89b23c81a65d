// The few host APIs the engine relies on: present in every browser, worker and Node ≥ 18,
// but not part of the ES library the engine is compiled against (no DOM on purpose).
declare function structuredClone<T>(value: T): T

declare class TextEncoder {
  encode(input?: string): Uint8Array
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean })
  decode(input?: Uint8Array): string
}
