/**
 * A pool of people and a first-come queue of work for them: a ringing call waits for a free operator,
 * a reported incident for a free supervisor. Pure bookkeeping without timers: the runner says when a
 * piece of work becomes ready, when it is withdrawn (the caller hung up) and when a person is free
 * again, and hears who takes what.
 */

export class Desk<Person, Work> {
  private readonly free: Person[];
  private readonly waiting: Work[] = [];

  constructor(people: readonly Person[]) {
    this.free = [...people];
  }

  get freeCount(): number {
    return this.free.length;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Work is ready: the first free person takes it now, else it waits its turn (null). */
  offer(work: Work): Person | null {
    const person = this.free.shift();
    if (person !== undefined) return person;
    this.waiting.push(work);
    return null;
  }

  /** Withdraws waiting work (the caller hung up); false when someone already took it. */
  withdraw(work: Work): boolean {
    const i = this.waiting.indexOf(work);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    return true;
  }

  /** Takes a free person for extra work outside the queue (a second supervisor opening the same incident). */
  takeFree(): Person | null {
    return this.free.shift() ?? null;
  }

  /** The person is free again: they take the oldest waiting work (returned), or wait for the next. */
  release(person: Person): Work | null {
    const work = this.waiting.shift();
    if (work !== undefined) return work;
    this.free.push(person);
    return null;
  }
}
