/** Looks a message up in a dictionary and fills its `{placeholders}`. Shared by server and client. */
import type { Dictionary, MessageKey } from './dictionaries/id';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function makeTranslate(dictionary: Dictionary): Translate {
  return (key, values) => {
    const message = dictionary[key];
    if (!values) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}
