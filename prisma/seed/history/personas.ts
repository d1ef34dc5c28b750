// The learners of the demo history: the demo's three and five more, in two teams, each with a
// true skill that grows, topics they are strong or weak in, and habits.
import type { TopicId } from '#app/exercises/topics.ts'
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_TEAM_NAME } from '../demo.ts'

export const SECOND_TEAM_NAME = 'Payments Core'

/**
 * A simulated learner. `skill` is their true strength on the rating scale at the start and
 * `growth` what they gain a month; `strengths` shifts it per topic. The tendencies (0–1) say
 * how readily they reveal hints and paste from outside, how careful their method is
 * (hypotheses first, predictions that come true) and how reliably they do assigned work.
 */
export type Persona = {
	email: string
	name: string
	team: string
	skill: number
	growth: number
	strengths: Partial<Record<TopicId, number>>
	/** Self-chosen first attempts a month, on top of assignments. */
	pace: number
	hints: number
	pastes: number
	method: number
	diligence: number
}

export const PERSONAS: Persona[] = [
	{
		email: 'ada@hardmode.dev',
		name: 'Ada Moreno',
		team: DEMO_TEAM_NAME,
		skill: 1650,
		growth: 12,
		strengths: { concurrency: 120, async: 80, text: -100 },
		pace: 1.6,
		hints: 0.1,
		pastes: 0.02,
		method: 0.9,
		diligence: 0.95,
	},
	{
		email: 'grace@hardmode.dev',
		name: 'Grace Okafor',
		team: DEMO_TEAM_NAME,
		skill: 1300,
		growth: 55,
		strengths: { 'data-integrity': 80, numbers: -60 },
		pace: 1.4,
		hints: 0.6,
		pastes: 0.05,
		method: 0.55,
		diligence: 0.9,
	},
	{
		email: 'linus@hardmode.dev',
		name: 'Linus Berg',
		team: DEMO_TEAM_NAME,
		skill: 1200,
		growth: 10,
		strengths: { performance: 100, reliability: -80 },
		pace: 0.9,
		hints: 0.7,
		pastes: 0.35,
		method: 0.3,
		diligence: 0.6,
	},
	{
		email: 'priya@hardmode.dev',
		name: 'Priya Nair',
		team: DEMO_TEAM_NAME,
		skill: 1520,
		growth: 20,
		strengths: { time: 120, caching: 60 },
		pace: 1.2,
		hints: 0.25,
		pastes: 0.05,
		method: 0.75,
		diligence: 0.85,
	},
	{
		email: 'tomas@hardmode.dev',
		name: 'Tomás Ruiz',
		team: DEMO_TEAM_NAME,
		skill: 1100,
		growth: 65,
		strengths: { validation: 70, concurrency: -90 },
		pace: 1.8,
		hints: 0.8,
		pastes: 0.1,
		method: 0.45,
		diligence: 0.8,
	},
	{
		email: 'mei@hardmode.dev',
		name: 'Mei Chen',
		team: SECOND_TEAM_NAME,
		skill: 1800,
		growth: 5,
		strengths: { concurrency: 150, numbers: -120 },
		pace: 1,
		hints: 0.05,
		pastes: 0,
		method: 0.95,
		diligence: 0.9,
	},
	{
		email: 'jonas@hardmode.dev',
		name: 'Jonas Weber',
		team: SECOND_TEAM_NAME,
		skill: 1350,
		growth: 25,
		strengths: { errors: 90 },
		pace: 1.3,
		hints: 0.4,
		pastes: 0.5,
		method: 0.4,
		diligence: 0.7,
	},
	{
		email: 'amara@hardmode.dev',
		name: 'Amara Diallo',
		team: SECOND_TEAM_NAME,
		skill: 1480,
		growth: 35,
		strengths: { async: 130, text: -140 },
		pace: 1.5,
		hints: 0.3,
		pastes: 0.05,
		method: 0.7,
		diligence: 0.9,
	},
]

/** The learners the history adds to the demo organisation (the password is the demo one). */
export const HISTORY_LOGINS = PERSONAS.filter((persona) => !DEMO_LOGINS.some((login) => login.email === persona.email)).map((persona) => ({
	role: 'learner' as const,
	email: persona.email,
	name: persona.name,
	team: persona.team,
	password: DEMO_PASSWORD,
}))
