import { Field, Int, ObjectType } from 'type-graphql';
import { AuditEntity } from '../audit/audit.types';

@ObjectType({ description: 'A thing a write changed, named as the audit trail names it.' })
export class ChangedFact {
  @Field(() => AuditEntity, { description: 'What sort of thing.' })
  entity: AuditEntity;

  @Field({ description: 'Which one (see AuditEntry.key).' })
  key: string;

  @Field(() => Int, { nullable: true, description: 'Its version after the write; null when it was deleted.' })
  version: number | null;
}

@ObjectType({ description: 'What a delete removed, and what its cascade changed.' })
export class DeletePayload {
  @Field(() => [ChangedFact], { description: 'Everything deleted: the thing itself first, then what went with it (evidence included).' })
  deleted: ChangedFact[];

  @Field(() => [ChangedFact], { description: 'Things changed by the cascade (an event that lost its place, an organization that lost a member).' })
  updated: ChangedFact[];
}
