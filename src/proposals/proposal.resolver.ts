import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ActorRecord } from '../actors/actor.repository';
import { Actor } from '../actors/actor.types';
import type { EvidenceRecord } from '../articles/article.repository';
import { Evidence } from '../articles/article.types';
import type { EventRecord } from '../events/event.repository';
import type { Context } from '../graphql/context';
import { Proposal, Stance } from './proposal.types';
import type { StanceRecord } from './stance.repository';

@Resolver(() => Proposal)
export class ProposalResolver {
  @FieldResolver(() => Actor, { description: 'Who put the proposal forward.' })
  async proposedBy(@Root() proposal: EventRecord, @Ctx() { loaders }: Context): Promise<ActorRecord | null> {
    const proposer = (await loaders.participations.load(proposal.dbId)).find((p) => p.role === 'proposer');
    return proposer ? loaders.actor.load(proposer.actorId) : null;
  }

  @FieldResolver(() => [Stance], { description: 'Where actors stand on it.' })
  stances(@Root() proposal: EventRecord, @Ctx() { loaders }: Context): Promise<StanceRecord[]> {
    return loaders.stancesOnProposal.load(proposal.dbId);
  }
}

@Resolver(() => Stance)
export class StanceResolver {
  @FieldResolver(() => Actor)
  actor(@Root() stance: StanceRecord, @Ctx() { loaders }: Context): Promise<ActorRecord | null> {
    return loaders.actor.load(stance.actorId);
  }

  @FieldResolver(() => Proposal)
  proposal(@Root() stance: StanceRecord, @Ctx() { loaders }: Context): Promise<EventRecord | null> {
    return loaders.event.load(stance.proposalId);
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() stance: StanceRecord, @Ctx() { loaders }: Context): Promise<EvidenceRecord[]> {
    return loaders.evidence.stance.load(stance.dbId);
  }
}
