export function platformOf(name: string): { os?: string[]; cpu?: string[]; libc?: string[] };
export function missingOptionalEntries(lock: { packages: Record<string, any> }): Array<[string, Record<string, unknown>]>;
