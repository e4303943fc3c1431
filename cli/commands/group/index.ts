import { InvalidArgumentError, type Command } from 'commander';

/** The options of `coach group`, as the command reads them. */
export interface GroupOptions {
  readonly port: number;
  /** The address to bind; by default this computer's address on the local network. */
  readonly host?: string;
  readonly roomsDir?: string;
  readonly json?: boolean;
  readonly newRoom?: boolean;
}

function portNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('Expected a whole number from 0 to 65535 (0 picks any free port).');
  return Number(value);
}

/** `coach group <id | file>`: serve the course and a room that phones on the same network join to vote. */
export function registerGroup(program: Command): void {
  program
    .command('group')
    .description('serve the course and a group room on the local network: a facilitator screen, and phones that join to vote')
    .argument('<scenario>', 'a scenario id (from scenarios/) or a path to a scenario file in scenarios/')
    .option('--port <number>', 'the port to listen on (0 for any free port)', portNumber, 4450)
    .option('--host <address>', "the address to listen on (default: this computer's private address on the local network, which phones need; a public one only if given here)")
    .option('--rooms-dir <folder>', 'where rooms are saved, one JSON file each (default: .coach/rooms in the project)')
    .option('--new-room', 'open a new room even if one for this scenario is still going')
    .option('--json', 'print one JSON line first: {"facilitator", "join", "code", "key"}')
    .addHelpText(
      'after',
      `
It builds the course first if dist/ lacks the scenario's group page or a scenario file is newer
than it, then prints the facilitator's
address (with the room's key: keep it to yourself), the join address and a QR code for phones.
Rooms are saved on every change, and a change is answered only once it is on disk, so stopping
the server (Ctrl+C, or a crash) loses nothing it confirmed; a save that fails is answered 503 and
shown on the facilitator's screen. Rooms resume when the server starts again (one server per rooms
folder); rooms unused for 14 days, or ended a day ago, are closed and their files kept in closed/.
It listens only on the address given, answers only requests addressed to it (Host), and makes
no requests of its own.

The JSON API (the pages use it; scripts can too):
  GET  /api/rooms/<code>            the room: phase, node, offered, votes, replies, players, ending, …
  POST /api/rooms/<code>/players    {"name": "Ana"}   answers the room with "token": that player's
                                    own; joining again under a taken name needs it ({"name", "token"})
  POST /api/rooms/<code>/votes      {"player": "Ana", "choice": 2, "token": "…"}   one vote per player
                                    per step, only with the token the player was given on joining
  POST /api/rooms/<code>/replies    {"player": "<id>", "text": "…"}   a reply typed during the pause:
                                    <id> is the phone's own random id (1-64 letters, digits, - or _),
                                    never its name; the same id replaces it, "" takes it back; at most
                                    1,000 characters; until the facilitator shows the replies
  GET  /api/rooms/<code>/replies/<id>   that phone's own reply: {"step", "text", "shown"}
  POST /api/rooms/<code>/advance    {} or {"choice": 2}   with Authorization: Bearer <key>; add
                                    "from": "voting" (the phase shown) so a second press is refused
  POST /api/rooms/<code>/reveal     {}   facilitator: show the replies on the shared screen, without names
  POST /api/rooms/<code>/leave      {"name": "Ana"}   facilitator: someone leaves, or a stray name goes
  POST /api/rooms/<code>/counts     {"choice": 2, "count": 3}   facilitator: votes without a phone
  POST /api/rooms/<code>/start      {"mode": "vote"} or {"mode": "hot-seat"}   facilitator; also
                                    "sayItYourWay": true, "sayItSeconds": 60, "typedReplies": false
  POST /api/rooms/<code>/settings   {"typedReplies": false}   facilitator: typed replies off (or on);
                                    {"playerLimit": 60}   let more people in (40 at first, at most 200)
  POST /api/rooms/<code>/undo|restart|pause|resume   {}   facilitator
  live updates: a WebSocket at /api/rooms/<code>/live

The room's view gives how many replies are in while the pause is on ("replies": {"count"}), and
their words only once shown ("texts", in a shuffled order that stays the same), never with names;
"problems" says what the facilitator must know (a save that failed, votes set aside on resume).

Each address is held to limits (answered 429 with Retry-After): joins, votes and replies, reads,
and tries at room codes that are not here. The facilitator's requests are never limited.

Exit codes: 0 stopped cleanly; 1 the server could not start, or the build failed; 2 usage error.

Examples:
  $ npx coach group first-conversation-with-jordan
  $ npx coach group first-conversation-with-jordan --port 8080 --host 0.0.0.0
  $ npx coach group first-conversation-with-jordan --json --rooms-dir /tmp/rooms`,
    )
    .action(async (arg: string, options: GroupOptions) => {
      const { groupCommand } = await import('./group-command.ts');
      process.exitCode = await groupCommand(arg, options);
    });
}
