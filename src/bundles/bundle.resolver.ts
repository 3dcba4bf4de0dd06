import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ArticleRecord } from '../articles/article.repository';
import { WRITERS } from '../auth/auth.checker';
import { written } from '../editing/editing.resolver';
import type { Context } from '../graphql/context';
import { importBundle } from './bundle.import';
import { ArticleBundleInput } from './bundle.inputs';
import { ImportArticlePayload } from './bundle.types';

@Resolver()
export class BundleResolver {
  @Authorized(WRITERS)
  @Mutation(() => ImportArticlePayload, {
    description:
      'Imports an article bundle (the format of seed/), validated whole and written in one transaction. Slugs are natural keys: importing the same bundle again changes nothing, an amended one updates what changed, and actors already in the graph are linked, not duplicated.',
  })
  async importArticle(
    @Arg('bundle', () => ArticleBundleInput) bundle: ArticleBundleInput,
    @Ctx() ctx: Context,
  ): Promise<Omit<ImportArticlePayload, 'article'> & { article: ArticleRecord }> {
    const result = await written(ctx, (by) => importBundle(ctx.store, by, bundle, 'bundle'));
    const article = (await ctx.loaders.articleBySlug.load(result.article)) as ArticleRecord;
    return { article, changed: result.changed, ...result.facts, counts: result.counts };
  }
}
