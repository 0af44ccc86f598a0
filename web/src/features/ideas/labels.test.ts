import { describe, expect, it } from 'vitest';
import type { MeAnswer } from '../../api/types';
import { ideasMessages } from '../../messages/ideas';
import { t, tp } from '../../messages';
import {
  buildThreads,
  canCreateChallenges,
  canManageChallenges,
  canModerate,
  canParticipate,
  formatBytes,
  formatDay,
  moderatesAnywhere,
  nextCriterionKey,
  normaliseTags,
  opensOn,
  phaseAllows,
  phaseDateProblems,
  phaseTimeline,
  similarText,
  voteState,
} from './labels';
import { ideasSection } from './IdeasLayout';
import { preloadIdeas } from './routes';
import type { Comment, PhaseDates } from './types';

const phases: PhaseDates = {
  submission_opens: '2027-03-01',
  discussion_opens: '2027-03-15',
  voting_opens: '2027-04-01',
  review_opens: '2027-04-15',
  closes: '2027-05-01',
};

function me(role: MeAnswer['user']['role'], spaces: [number, MeAnswer['spaces'][number]['my_role']][] = []): MeAnswer {
  return {
    user: { id: 1, email: 'a@x.example', display_name: 'A', role, capabilities: [], organisation_id: null, disabled: false, created_at: '', last_sign_in_at: null },
    spaces: spaces.map(([id, my_role]) => ({
      id,
      name: `Space ${id}`,
      description: '',
      kind: 'challenge_area',
      external_allowed: true,
      experimental: false,
      archived: false,
      created_at: '',
      my_role,
      member_count: 3,
    })),
  } as MeAnswer;
}

const comment = (id: number, parent_id: number | null): Comment => ({
  id,
  idea_id: 1,
  parent_id,
  body: `c${id}`,
  body_html: `<p>c${id}</p>`,
  author: null,
  mentions: [],
  helpful_count: 0,
  marked_helpful: false,
  hidden: false,
  moderation_note: null,
  edited_at: null,
  created_at: '',
});

describe('phase rules', () => {
  it('lets each phase allow what the contract says', () => {
    expect(phaseAllows('submission', 'submit')).toBe(true);
    expect(phaseAllows('discussion', 'submit')).toBe(true);
    expect(phaseAllows('voting', 'submit')).toBe(false);
    expect(phaseAllows('voting', 'comment')).toBe(true);
    expect(phaseAllows('review', 'comment')).toBe(false);
    expect(phaseAllows('voting', 'vote')).toBe(true);
    expect(phaseAllows('discussion', 'vote')).toBe(false);
    expect(phaseAllows('review', 'review')).toBe(true);
    expect(phaseAllows('closed', 'comment')).toBe(false);
  });

  it('lets a stand-alone idea (no phase) do everything', () => {
    for (const action of ['submit', 'comment', 'vote', 'review'] as const) expect(phaseAllows(null, action)).toBe(true);
  });

  it('says when an action opens, and nothing once it is over', () => {
    expect(opensOn(phases, 'discussion', 'vote')).toBe('2027-04-01');
    expect(opensOn(phases, 'upcoming', 'submit')).toBe('2027-03-01');
    expect(opensOn(phases, 'review', 'vote')).toBeNull();
  });

  it('draws the timeline with the current phase and its days', () => {
    const steps = phaseTimeline(phases, 'voting');
    expect(steps.map((s) => [s.phase, s.state])).toEqual([
      ['submission', 'done'],
      ['discussion', 'done'],
      ['voting', 'current'],
      ['review', 'next'],
      ['closed', 'next'],
    ]);
    expect(steps[2]).toMatchObject({ from: '2027-04-01', until: '2027-04-15' });
    expect(steps[4]?.until).toBeNull();
    expect(phaseTimeline(phases, 'upcoming').every((s) => s.state === 'next')).toBe(true);
  });

  it('checks that the phase dates strictly increase', () => {
    expect(phaseDateProblems(phases)).toEqual({});
    expect(phaseDateProblems({ ...phases, voting_opens: '2027-03-15' })).toEqual({ voting_opens: 'order' });
    expect(phaseDateProblems({ ...phases, closes: '' })).toEqual({ closes: 'missing' });
  });

  it('shows phase days as calendar days, whatever the time zone', () => {
    expect(formatDay('2027-03-01')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2027, 2, 1)));
  });
});

describe('votes', () => {
  const challenge = { phase: 'voting' as const, phases, votes_per_person: 3, my_votes_used: 1 };

  it('counts the votes left in the challenge', () => {
    expect(voteState({ my_vote: false }, challenge)).toEqual({ can: true, left: 2 });
  });

  it('refuses a new vote when the budget is used, but lets a vote be withdrawn', () => {
    const spent = { ...challenge, my_votes_used: 3 };
    expect(voteState({ my_vote: false }, spent)).toEqual({ can: false, why: 'budget', left: 0 });
    expect(voteState({ my_vote: true }, spent)).toEqual({ can: true, left: 0 });
  });

  it('refuses votes outside the voting phase and says when voting opens', () => {
    expect(voteState({ my_vote: false }, { ...challenge, phase: 'discussion' })).toEqual({ can: false, why: 'phase', opens: '2027-04-01' });
    expect(voteState({ my_vote: true }, { ...challenge, phase: 'closed' })).toEqual({ can: false, why: 'phase', opens: null });
  });

  it('has no budget for a stand-alone idea', () => {
    expect(voteState({ my_vote: false }, null)).toEqual({ can: true, left: null });
  });
});

describe('comment threads', () => {
  it('nests replies under their parents, oldest first', () => {
    const threads = buildThreads([comment(1, null), comment(2, 1), comment(3, null), comment(4, 2)]);
    expect(threads.map((t) => t.comment.id)).toEqual([1, 3]);
    expect(threads[0]?.replies[0]?.comment.id).toBe(2);
    expect(threads[0]?.replies[0]?.replies[0]?.comment.id).toBe(4);
  });

  it('keeps a reply whose parent the reader cannot see', () => {
    expect(buildThreads([comment(5, 99)]).map((t) => t.comment.id)).toEqual([5]);
  });
});

describe('who may do what', () => {
  it('lets managers manage and moderate everywhere', () => {
    const m = me('innovation_manager');
    expect(canManageChallenges(m, 9)).toBe(true);
    expect(canModerate(m, 9)).toBe(true);
    expect(canCreateChallenges(m)).toBe(true);
  });

  it('lets internal owners manage their space, and moderators moderate it', () => {
    const owner = me('member', [[2, 'owner']]);
    expect(canManageChallenges(owner, 2)).toBe(true);
    expect(canManageChallenges(owner, 3)).toBe(false);
    const moderator = me('member', [[2, 'moderator']]);
    expect(canManageChallenges(moderator, 2)).toBe(false);
    expect(canModerate(moderator, 2)).toBe(true);
    expect(moderatesAnywhere(moderator)).toBe(true);
    expect(moderatesAnywhere(me('member', [[2, 'member']]))).toBe(false);
  });

  it('gives an external owner of a space only a participant’s rights', () => {
    const external = me('external', [[2, 'owner']]);
    expect(canManageChallenges(external, 2)).toBe(false);
    expect(canModerate(external, 2)).toBe(false);
    expect(canCreateChallenges(external)).toBe(false);
    expect(canParticipate(external, 2)).toBe(true);
  });

  it('lets guests only read', () => {
    expect(canParticipate(me('external', [[2, 'guest']]), 2)).toBe(false);
    expect(canParticipate(me('member'), 2)).toBe(true);
  });
});

describe('small helpers', () => {
  it('compares title and description within the API’s 500 characters', () => {
    expect(similarText('  Solar ', ' roofs ')).toBe('Solar\nroofs');
    expect(similarText('x'.repeat(300), 'y'.repeat(300))).toHaveLength(500);
  });

  it('normalises tags as the API stores them', () => {
    expect(normaliseTags([' Energy', 'energy', 'Pilot ', ''])).toEqual(['energy', 'pilot']);
  });

  it('formats file sizes and names new criterion keys', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2_500_000)).toMatch(/^2[.,]4 MB$/);
    expect(nextCriterionKey(['c1', 'c3'])).toBe('c2');
  });

  it('maps paths to sections and chunks', () => {
    expect(ideasSection('/ideas')).toBe('');
    expect(ideasSection('/ideas/challenges/4')).toBe('');
    expect(ideasSection('/ideas/12')).toBe('all');
    expect(ideasSection('/ideas/moderation')).toBe('moderation');
    expect(preloadIdeas('/ideas')).toHaveLength(2);
    expect(preloadIdeas('/ideas/challenges/4/edit')).toHaveLength(2);
    expect(preloadIdeas('/ideas/whatever')).toHaveLength(1);
  });
});

describe('the ideas messages', () => {
  it('have both plural forms and no empty text', () => {
    const keys = Object.keys(ideasMessages);
    for (const key of keys.filter((k) => k.endsWith('.one'))) expect(keys).toContain(key.replace(/\.one$/, '.other'));
    for (const [key, text] of Object.entries(ideasMessages)) expect(text.trim(), key).not.toBe('');
  });

  it('fill placeholders and plurals', () => {
    expect(t('ideas.inProject', { title: 'Pallets' })).toBe('In project “Pallets”');
    expect(tp('ideas.votes', 1)).toBe('1 vote');
    expect(tp('ideas.votes', 3)).toBe('3 votes');
  });
});
