import { describe, expect, it } from 'vitest';
import {
  compareLevels,
  emotionState,
  emotionWord,
  intensityWord,
  kindColor,
  kindLabel,
  levelColor,
  levelLabel,
  levelStep,
  levelWithStep,
  valenceWord,
} from './labels';
import { KINDS, LEVELS } from './types';

describe('the engagement ladder', () => {
  it('runs from unaware to advocate, in steps of one', () => {
    expect(LEVELS[0]).toBe('unaware');
    expect(LEVELS.at(-1)).toBe('advocate');
    expect(LEVELS.map(levelStep)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('sorts levels by their place on the ladder, not alphabetically', () => {
    const shuffled = ['engaged', 'advocate', 'unaware', 'co_creating', 'aware', 'interested'] as const;
    expect([...shuffled].sort(compareLevels)).toEqual([...LEVELS]);
  });

  it('says the step in numbers and words', () => {
    expect(levelWithStep('interested')).toBe('3/6 · Interested');
    expect(levelLabel('co_creating')).toBe('Co-creating');
  });

  it('has a colour for every level and every kind', () => {
    for (const level of LEVELS) expect(levelColor[level]).toBeTruthy();
    for (const kind of KINDS) {
      expect(kindColor[kind]).toMatch(/^#[0-9a-f]{6}$/);
      expect(kindLabel(kind)).not.toMatch(/^stakeholders\./);
    }
    // Every kind is told apart on the map.
    expect(new Set(Object.values(kindColor)).size).toBe(KINDS.length);
  });
});

describe('emotion words', () => {
  it('calls intensity 0 indifferent whatever the valence', () => {
    expect(emotionWord(2, 0)).toBe('Indifferent');
    expect(emotionWord(-2, 0)).toBe('Indifferent');
    expect(emotionState(2, 0)).toBe('indifferent');
  });

  it('combines valence and intensity otherwise', () => {
    expect(emotionWord(2, 3)).toBe('Very positive, intense');
    expect(emotionWord(-1, 1)).toBe('Negative, mild');
    expect(emotionWord(0, 2)).toBe('Neutral, strong');
  });

  it('derives the state as the server does', () => {
    expect(emotionState(-1, 2)).toBe('negative');
    expect(emotionState(0, 1)).toBe('neutral');
    expect(emotionState(1, 1)).toBe('positive');
  });

  it('clamps out-of-range numbers instead of showing nothing', () => {
    expect(valenceWord(5)).toBe('Very positive');
    expect(valenceWord(-9)).toBe('Very negative');
    expect(intensityWord(7)).toBe('Intense');
    expect(intensityWord(0)).toBe('Indifferent');
  });
});
