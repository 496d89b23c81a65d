// The one host API the engine relies on: present in every browser, worker and Node ≥ 17.
declare function structuredClone<T>(value: T): T
