const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID: ids that aren't are answered "not found" before reaching a uuid column. */
export const isUuid = (value: string): boolean => UUID.test(value);
