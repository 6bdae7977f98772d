// The output channel the language client writes its log and its trace to. Every chunk goes
// through the redactor first, so line-5 passwords never reach the Output panel, even with
// `icewarp.trace.server` on `verbose` (the trace prints each opened document in full).
// Only `vscode` types are imported: a unit test drives it with a fake channel.
import type * as vscode from 'vscode';
import { redactTraceMessage } from '../../../common/redact';

/** How much printed text the channel remembers for `printed()` (the integration tests read it). */
const REMEMBERED_CHARS = 4 * 1024 * 1024;

export class RedactingOutputChannel implements vscode.OutputChannel {
  private readonly remembered: string[] = [];
  private rememberedChars = 0;
  private changed = 0;

  constructor(private readonly target: vscode.OutputChannel) {}

  get name(): string {
    return this.target.name;
  }

  /** How many chunks the redactor had to change: a test proves with it that redaction ran. */
  get redactions(): number {
    return this.changed;
  }

  /** The text printed so far (after redaction), the last few megabytes of it. */
  printed(): string {
    return this.remembered.join('');
  }

  append(value: string): void {
    this.target.append(this.redact(value));
  }

  appendLine(value: string): void {
    this.target.appendLine(this.redact(value));
    this.remember('\n');
  }

  replace(value: string): void {
    this.remembered.length = 0;
    this.rememberedChars = 0;
    this.target.replace(this.redact(value));
  }

  clear(): void {
    this.remembered.length = 0;
    this.rememberedChars = 0;
    this.target.clear();
  }

  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    // The two overloads of OutputChannel.show, passed on as they came.
    if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) this.target.show(columnOrPreserveFocus);
    else this.target.show(columnOrPreserveFocus, preserveFocus);
  }

  hide(): void {
    this.target.hide();
  }

  dispose(): void {
    this.target.dispose();
  }

  private redact(value: string): string {
    const redacted = redactTraceMessage(value);
    if (redacted !== value) this.changed++;
    this.remember(redacted);
    return redacted;
  }

  private remember(text: string): void {
    this.remembered.push(text);
    this.rememberedChars += text.length;
    while (this.rememberedChars > REMEMBERED_CHARS && this.remembered.length > 1) {
      this.rememberedChars -= (this.remembered.shift() as string).length;
    }
  }
}
