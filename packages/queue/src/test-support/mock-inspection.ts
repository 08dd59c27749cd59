/** How many times the mock received each number, read through its inspection API. */
export async function submittedCounts(mockUrl: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let offset = 0; ; offset += 100) {
    const response = await fetch(`${mockUrl}/__mock/messages?limit=100&offset=${offset}`);
    const page = (await response.json()) as {
      messages: { recipients: { phone: string }[] }[];
    };
    for (const message of page.messages)
      for (const { phone } of message.recipients) counts.set(phone, (counts.get(phone) ?? 0) + 1);
    if (page.messages.length < 100) return counts;
  }
}

/** Submit times (ms) of every message the mock received, oldest first. */
export async function submitTimes(mockUrl: string): Promise<number[]> {
  const times: number[] = [];
  for (let offset = 0; ; offset += 100) {
    const response = await fetch(
      `${mockUrl}/__mock/messages?limit=100&offset=${offset}&recipients=false`,
    );
    const page = (await response.json()) as { messages: { submittedAt: string }[] };
    for (const message of page.messages) times.push(Date.parse(message.submittedAt));
    if (page.messages.length < 100) return times.sort((a, b) => a - b);
  }
}

/** True when the mock received each number once. */
export function eachOnce(counts: Map<string, number>): boolean {
  return [...counts.values()].every((n) => n === 1);
}

/** How many submits the mock received. */
export async function submitCount(mockUrl: string): Promise<number> {
  return (await submitTimes(mockUrl)).length;
}
