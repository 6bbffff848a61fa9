// The benchmark body: a page of 25 real-shaped conversations, built from the conversation
// fixture (tests/fixtures/conversations/get_conversation.json) with varied ids, names and
// message texts (some non-ASCII, as real support traffic has), in the listConversations
// envelope. Shared by the benches; prints nothing.
import { readFileSync } from 'node:fs';

const NAMES = ['Jürgen Müller', 'Ana Souza', 'Zoë Dubois', 'Kenji Tanaka', 'Ola Nordmann'];
const TEXTS = ['Meine Rechnung ist falsch.', 'Can I change my plan?', 'Où est ma commande ?', '注文が届きません', 'Takk for hjelpen!'];

export function conversationPage(count = 25) {
  const base = JSON.parse(readFileSync(new URL('../../fixtures/conversations/get_conversation.json', import.meta.url), 'utf8'));
  const payload = Array.from({ length: count }, (_, i) => {
    const c = structuredClone(base);
    c.id = 1000 + i;
    c.uuid = `7f9c${String(i).padStart(4, '0')}-4b2e-4c1a-9d3e-${String(100000000000 + i)}`;
    c.meta.sender.id = 500 + i;
    c.meta.sender.name = NAMES[i % NAMES.length];
    c.contact_last_seen_at += i;
    for (const [j, m] of (c.messages ?? []).entries()) {
      m.id = 90_000 + i * 10 + j;
      m.conversation_id = c.id;
      m.content = `${TEXTS[(i + j) % TEXTS.length]} (#${i})`;
    }
    return c;
  });
  return {
    data: {
      meta: { mine_count: 3, assigned_count: 11, unassigned_count: 14, all_count: count },
      payload,
    },
  };
}

// `node page.js` prints the page, for the native bench.
if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  process.stdout.write(JSON.stringify(conversationPage(25)));
}
