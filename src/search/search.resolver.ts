import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badArgument } from '../common/errors';
import { DEFAULT_PAGE_SIZE, pageRequest } from '../common/pagination';
import type { Context } from '../graphql/context';
import { primeNode } from '../graphql/loaders';
import { searchText, type SearchHitRecord } from './search.repository';
import { SearchHit } from './search.types';

const MAX_SEARCH_TEXT = 200;

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Actors (names, aliases), events (titles, quotes, purposes, agendas), places and articles (titles, text) matching words, each with a highlighted snippet. ' +
      'Best first: hits containing every word (score 1), then hits where a misspelled word ("Witkof") matches a close spelling (score: that similarity, 0.6-1). ' +
      'Within a score: actors, places (by name), events, articles (newest first). Words in quotes, `or` and `-word` are taken as written, without spellings.',
  })
  async search(
    @Arg('text', () => String, { description: 'Words to look for, e.g. "Witkoff St. Petersburg".' }) text: string,
    @Arg('first', () => Int, { nullable: true, description: `How many hits: 0-100, default ${DEFAULT_PAGE_SIZE}.` }) first: number | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<SearchHitRecord[]> {
    const words = text.trim();
    if (!words) throw badArgument('text', 'must not be empty');
    if (words.length > MAX_SEARCH_TEXT) throw badArgument('text', `must be at most ${MAX_SEARCH_TEXT} characters, got ${words.length}`);
    const { first: limit } = pageRequest(first, null, 0);
    const hits = await searchText(db, words, limit);
    // The hits carry their rows: later fields of the same objects load nothing again.
    for (const { node } of hits) primeNode(loaders, node);
    return hits;
  }
}
