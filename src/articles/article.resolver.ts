import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import type { ArticleRecord, EvidenceRecord } from './article.repository';
import { Article, Evidence } from './article.types';

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'An article by its slug.' })
  article(@Arg('slug', () => String) slug: string, @Ctx() { loaders }: Context): Promise<ArticleRecord | null> {
    return loaders.articleBySlug.load(slug);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Article)
  article(@Root() evidence: EvidenceRecord, @Ctx() { loaders }: Context): Promise<ArticleRecord | null> {
    return loaders.article.load(evidence.articleId);
  }
}
