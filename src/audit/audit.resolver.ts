import { Arg, Args, Authorized, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { ADMINS } from '../auth/auth.checker';
import { UNCACHED } from '../cache/cache-control';
import { badArgument } from '../common/errors';
import { pageRequest, toPage } from '../common/pagination';
import type { Context } from '../graphql/context';
import { PageArgs } from '../graphql/page.args';
import { ConnectionValue } from '../graphql/relay';
import { auditSortKey, countAudit, listAudit, type AuditFilterParams, type AuditRecord } from './audit.repository';
import { AuditEntryConnection, AuditLogFilter } from './audit.types';

@Resolver()
export class AuditResolver {
  @Authorized(ADMINS)
  @Directive(UNCACHED)
  @Query(() => AuditEntryConnection, { description: 'Every write to the graph, newest first (admins only).' })
  async auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Args() { first, after }: PageArgs,
    @Ctx() { db }: Context,
  ): Promise<ConnectionValue<AuditRecord>> {
    const request = pageRequest(first, after, 1);
    if (request.after && !/^\d{1,18}$/.test(String(request.after[0]))) throw badArgument('after', 'is not a cursor this connection gave out');
    const params: AuditFilterParams = {
      entity: filter?.entity ?? null,
      key: filter?.key ?? null,
      action: filter?.action ?? null,
      caller: filter?.by ?? null,
      since: filter?.since ?? null,
      until: filter?.until ?? null,
    };
    const rows = await listAudit(db, params, request);
    return new ConnectionValue(toPage(rows, request, auditSortKey), () => countAudit(db, params));
  }
}
