/** Progress lines with the time since the bench started, so a long run shows it is alive. */
const started = performance.now();

export function elapsed(): string {
  const s = Math.floor((performance.now() - started) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function say(line: string): void {
  process.stdout.write(`[${elapsed().padStart(5)}] ${line}\n`);
}

export function secondsSinceStart(): number {
  return (performance.now() - started) / 1000;
}
