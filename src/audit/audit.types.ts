import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UNCACHED } from '../cache/cache-control';
import { connectionOf } from '../graphql/relay';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  IMPORT = 'IMPORT',
  REVOKE = 'REVOKE',
}
registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What a write did: CREATE, UPDATE or DELETE a fact, IMPORT an article bundle, REVOKE an API key.',
});

export enum AuditEntity {
  ARTICLE = 'ARTICLE',
  ACTOR = 'ACTOR',
  PLACE = 'PLACE',
  ROLE = 'ROLE',
  EVENT = 'EVENT',
  STANCE = 'STANCE',
  EVIDENCE = 'EVIDENCE',
  API_KEY = 'API_KEY',
}
registerEnumType(AuditEntity, { name: 'AuditEntity', description: 'What sort of thing a write changed.' });

@Directive(UNCACHED)
@ObjectType({ description: 'One change in the audit trail: who made it, when, to what, and its state before and after.' })
export class AuditEntry {
  @Field(() => ID, { description: 'The entry, in the order entries were written.' })
  id: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When the write happened (the start of its transaction).' })
  at: Date;

  @Field({ description: 'The transaction of the write: entries of one request (a delete and its cascade, an import) share it.' })
  transactionId: string;

  @Field({ description: 'Who: the name of the API key, "cli:<user>" for the command line, or "seed".' })
  by: string;

  @Field({ description: 'The role of the writer: editor, admin, or system (command line and seeding).' })
  role: string;

  @Field(() => AuditAction, { description: 'What the write did.' })
  action: AuditAction;

  @Field(() => AuditEntity, { description: 'What sort of thing it changed.' })
  entity: AuditEntity;

  @Field({
    description:
      'Which one: a slug (articles, actors, places, events), "actor|proposal" for a stance, the id the API gives roles and evidence, a key id.',
  })
  key: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its state before the write, in the shape of the bundle format; null for a CREATE.' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its state after the write; null for a DELETE.' })
  after: unknown;
}

export const AuditEntryConnection = connectionOf('AuditEntry', AuditEntry, 'audit entry');

@InputType({ description: 'Narrows the audit trail; every field given must hold.' })
export class AuditLogFilter {
  @Field(() => AuditEntity, { nullable: true, description: 'Only changes to this sort of thing.' })
  @IsOptional()
  @IsEnum(AuditEntity)
  entity?: AuditEntity | null;

  @Field(() => String, { nullable: true, description: 'Only changes to the thing with this key (see AuditEntry.key).' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  key?: string | null;

  @Field(() => AuditAction, { nullable: true, description: 'Only writes of this action.' })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction | null;

  @Field(() => String, { nullable: true, description: 'Only writes by this writer (AuditEntry.by).' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  by?: string | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Only writes at or after this time.' })
  @IsOptional()
  since?: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Only writes before this time.' })
  @IsOptional()
  until?: Date | null;
}
