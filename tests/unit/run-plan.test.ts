import { describe, expect, it } from 'vitest';
import { runPlay } from '../../src/plays/run-data.ts';
import { planSession, runQuery, sessionFromQuery, type RunPlay } from '../../src/plays/run-plan.ts';
import { buildAgenda } from '../../src/plays/agenda.ts';

const step = (title: string, minutes: number) => ({ title, minutes, instructions: `Do ${title}.`, prompts: [] });
const a: RunPlay = { id: 'a', title: 'Play A', steps: [step('One', 10), step('Two', 25)] };
const b: RunPlay = { id: 'b', title: 'Play B', steps: [step('Three', 50)] };

describe('planSession', () => {
  it('lists every step and the breaks between plays, numbered within each play', () => {
    const plan = planSession([a, b], { start: '09:30', breakMinutes: 10 });
    expect(plan.segments.map((s) => `${s.kind} ${s.title} ${s.minutes} ${s.stepNumber}/${s.stepCount}`)).toEqual([
      'step One 10 1/2',
      'step Two 25 2/2',
      'break Break 10 0/0',
      'step Three 50 1/1',
    ]);
    expect(plan.segments[3]?.step).toBe(b.steps[0]);
    expect(plan.start).toBe('09:30');
  });

  it('has the agenda minutes of the composer and the CLI', () => {
    const plan = planSession([a, b], { start: '09:30', breakMinutes: 15 });
    expect(plan.segments.map((s) => s.minutes)).toEqual(
      buildAgenda([a, b], { start: '09:30', breakMinutes: 15 }).items.map((i) => i.minutes),
    );
  });

  it('keys storage by plays, start and breaks', () => {
    const keys = [
      planSession([a, b], { start: '09:30', breakMinutes: 10 }).key,
      planSession([b, a], { start: '09:30', breakMinutes: 10 }).key,
      planSession([a, b], { start: '10:00', breakMinutes: 10 }).key,
      planSession([a, b], { start: '09:30', breakMinutes: 0 }).key,
      planSession([a], { start: null, breakMinutes: 0 }).key,
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe(planSession([a, b], { start: '09:30', breakMinutes: 10 }).key);
  });

  it('refuses a session past midnight with the agenda’s words', () => {
    expect(() => planSession([a, b], { start: '23:30', breakMinutes: 0 })).toThrow(/past midnight/);
  });
});

describe('sessionFromQuery', () => {
  it('reads the composer’s address and names unknown plays', () => {
    const session = sessionFromQuery('?plays=b,nope,a&start=14:00&break=5', [a, b]);
    expect(session.plays.map((p) => p.id)).toEqual(['b', 'a']);
    expect(session).toMatchObject({ start: '14:00', breakMinutes: 5, unknown: ['nope'] });
    expect(runQuery({ plays: ['b', 'a'], start: '14:00', breakMinutes: 5 })).toBe('?plays=b,a&start=14:00&break=5');
  });

  it('keeps the pack’s choices for the way back to the composer', () => {
    const session = sessionFromQuery('?plays=a,nope&start=14:00&title=Offsite&team=Support&date=2027-01-15&paper=letter&format=md', [a, b]);
    expect(runQuery(session.compose)).toBe('?plays=a&start=14:00&title=Offsite&team=Support&date=2027-01-15&paper=letter&format=md');
  });
});

describe('runPlay', () => {
  it('numbers each step’s questions as the worksheets do and describes their answers', () => {
    const play = runPlay('p', {
      title: 'P',
      steps: [
        { title: 'First', minutes: 5, instructions: 'Go.', prompts: ['late'] },
        { title: 'Second', minutes: 5, instructions: 'Go on.', facilitator: 'Watch the time.', prompts: ['early', 'late'] },
      ],
      prompts: [
        { id: 'early', question: 'Listed first?', kind: 'yesno' },
        { id: 'late', question: 'Asked first?', kind: 'lines', lines: 2 },
      ],
    });
    expect(play.steps[0]?.prompts).toEqual([{ number: 1, question: 'Asked first?', answer: expect.any(String) }]);
    expect(play.steps[1]?.prompts.map((p) => p.number)).toEqual([2, 1]);
    expect(play.steps[1]?.facilitator).toBe('Watch the time.');
    expect('facilitator' in (play.steps[0] ?? {})).toBe(false);
  });
});
