import type { PipelineStatement, TextRow } from './database.ts';

export function pipelineMessages(statements: PipelineStatement[]): Uint8Array | undefined;
export function pipelineRows(messages: Array<{ name: string }>): TextRow[][];
