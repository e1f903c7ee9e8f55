/**
 * A realistic account plan (Dutch client, mixed English/Dutch team) for the presentation, plan-view and
 * print tests: a workspace with professionals, a relation with its DMU and contact log, and a plan with key
 * points, goals, actions over all four P's and pyramid layers (one overdue, one done, one cancelled),
 * benefits, KPIs with measurements, a budget and every text filled in.
 */
import type { Haard } from './haard.ts';
import { ok, seedPlan, seedWorkspace } from './seed.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export const DEMO = {
  keyPoints: [
    'Acme kiest ons als vaste partner voor alle huisvestingsvragen',
    'Twee nieuwe diensten in 2027: energieadvies en subsidies',
    'Tevredenheid van 7,4 naar een 9',
  ],
  goals: [
    { id: 'g-sat', title: 'Tevredenheid naar een 9', target: '9' },
    { id: 'g-cross', title: 'Energieadvies verkocht aan Acme', target: '€ 80.000' },
  ],
  actions: [
    { id: 'a-1', what: 'Kwartaalgesprek met CFO Carla Mulder' },
    { id: 'a-2', what: 'Kennissessie energietransitie voor het MT' },
    { id: 'a-3', what: 'Klantpanel over facturatie opzetten' },
    { id: 'a-4', what: 'Referentiebezoek met Fatima bij Gemeente Zwolle' },
    { id: 'a-5', what: 'Artikel in Vastgoedmarkt over het Deventer project' },
    { id: 'a-6', what: 'Verjaardagskaart en lunch met de projectleider' },
  ],
  summary: 'Wij worden de vaste huisvestingspartner van Acme: meer contact, twee nieuwe diensten en een 9.',
  closing: 'Wij vragen het MT om een gesprek over energieadvies vóór de zomer.',
};

/** Seed the workspace and the plan (through the plan intents, each checked); returns the plan id. */
export async function seedDemoPlan(haard: Haard): Promise<string> {
  await seedWorkspace(haard, (ws) => {
    ok(ws.updateSettings({ acquisitionCost: 25_000 }));
    ok(
      ws.addProfessional({
        id: 'p-anna',
        name: 'Anna de Wit',
        profile: 'relationshipManager',
        seniority: 'senior',
      }),
    );
    ok(ws.addProfessional({ id: 'p-bram', name: 'Bram Jansen', profile: 'specialist', seniority: 'medior' }));
    ok(
      ws.addRelation({
        id: 'r-acme',
        name: 'Acme Bouwgroep',
        sector: 'Bouw',
        revenue: 1_250_000,
        ownerId: 'p-anna',
      }),
    );
    ok(
      ws.addContact({
        id: 'c-carla',
        relationId: 'r-acme',
        name: 'Carla Mulder',
        title: 'CFO',
        dmuRole: 'decider',
        attitude: 'supporter',
        strength: 4,
        knownBy: ['p-anna'],
        email: 'c.mulder@acme.nl',
      }),
    );
    ok(
      ws.addContact({
        id: 'c-fatima',
        relationId: 'r-acme',
        name: 'Fatima El Amrani',
        title: 'Projectleider',
        dmuRole: 'champion',
        strength: 3,
      }),
    );
    for (const [i, offset] of [-400, -200, -90, -40, -12].entries())
      ok(ws.addContactLogEntry({ id: `log-${i}`, relationId: 'r-acme', date: day(offset), type: 'visit' }));
  });

  return seedPlan(
    haard,
    { title: 'Acme Bouwgroep 2026–2027', relationIds: ['r-acme'], ownerId: 'p-anna' },
    (plan) => {
      // Every write must land: a refused intent fails the test here, not somewhere later.
      const p = new Proxy(plan, {
        get: (target, key) => {
          const fn = Reflect.get(target, key) as unknown;
          if (typeof fn !== 'function') return fn;
          return (...args: unknown[]) => ok((fn as (...a: unknown[]) => Parameters<typeof ok>[0])(...args));
        },
      });
      p.setKeyPoints(DEMO.keyPoints);
      p.setText(
        'situation.text',
        'Acme Bouwgroep bouwt en beheert 40 scholen en zorgpanden in Overijssel.\nWij adviseren sinds 2019 over huisvesting; de omzet groeide naar € 1,25 mln.',
      );
      p.setText('situation.currentServices', 'Huisvestingsadvies, projectmanagement bij nieuwbouw.');
      p.setText('situation.relationshipForm', 'Raamcontract tot eind 2027; vaste contactpersoon bij de CFO.');
      p.setText(
        'developments',
        'Verduurzaming van het hele vastgoed vóór 2030; een nieuwe vestiging in Deventer.',
      );
      p.setText(
        'strategy.text',
        'Van leverancier naar partner: inhoudelijk vooroplopen op energie en subsidies.',
      );
      p.setText('summary', DEMO.summary);
      p.setText('closing', DEMO.closing);
      p.setStrategyQuadrants(['project', 'partnership']);
      p.addGoal({
        id: DEMO.goals[0]!.id,
        title: DEMO.goals[0]!.title,
        category: 'satisfaction',
        metric: 'tevredenheidscijfer',
        baseline: '7,4',
        target: DEMO.goals[0]!.target,
        deadline: day(240),
      });
      p.addGoal({
        id: DEMO.goals[1]!.id,
        title: DEMO.goals[1]!.title,
        category: 'crossSell',
        metric: 'omzet energieadvies',
        baseline: '€ 0',
        target: DEMO.goals[1]!.target,
        deadline: day(420),
      });
      const spec = [
        { quadrant: 'process', layer: 'ownSales', due: -10, goal: 'g-sat', cost: 0, status: 'planned' },
        {
          quadrant: 'partnership',
          layer: 'independent',
          due: 30,
          goal: 'g-cross',
          cost: 2_500,
          status: 'planned',
        },
        { quadrant: 'process', layer: null, due: 75, goal: 'g-sat', cost: 1_500, status: 'planned' },
        {
          quadrant: 'partnership',
          layer: 'references',
          due: 120,
          goal: 'g-cross',
          cost: 500,
          status: 'planned',
        },
        { quadrant: 'partnership', layer: 'media', due: -45, goal: 'g-cross', cost: 1_200, status: 'done' },
        { quadrant: 'person', layer: null, due: 160, goal: 'g-sat', cost: 150, status: 'cancelled' },
      ] as const;
      DEMO.actions.forEach((a, i) => {
        const s = spec[i]!;
        p.addAction({
          id: a.id,
          what: a.what,
          ownerId: i % 2 === 0 ? 'p-anna' : 'p-bram',
          due: day(s.due),
          goalId: s.goal,
          kpi: { name: 'afspraak gehouden', target: 'ja' },
          quadrant: s.quadrant,
          cost: s.cost,
          status: s.status,
          pyramidLayer: s.layer,
          order: i,
        });
      });
      p.addBenefit({ level: 'organisation', description: 'Betaaltermijn van 60 dagen' });
      p.addBenefit({ level: 'person', description: 'Uitnodiging voor het jaarlijkse congres' });
      p.addKpi({
        id: 'k-sat',
        kind: 'satisfaction',
        target: 9,
        measurements: [{ date: day(-300), value: 7.4 }],
      });
      p.addMeasurement('k-sat', { date: day(-100), value: 8.1 });
      p.addKpi({ id: 'k-contact', kind: 'contactMoments', target: 6 });
      p.addKpi({ id: 'k-dmu', kind: 'dmuKnowledge', target: 4 });
      p.setBudget(10_000);
    },
  );
}
