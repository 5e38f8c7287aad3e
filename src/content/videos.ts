import { getCollection, type CollectionEntry } from 'astro:content';

export type VideoEntry = CollectionEntry<'videos'>;

/** Every BSL explanation that exists, in title order. Only videos with their files are here: the schema checks. */
export async function allVideos(): Promise<VideoEntry[]> {
  return (await getCollection('videos')).sort((a, b) => a.data.title.localeCompare(b.data.title, 'en'));
}

/** The BSL explanation of a page (by its slug, "what-is-an-imha"), if one has been made. */
export async function videoFor(slug: string): Promise<VideoEntry | undefined> {
  return (await allVideos()).find((video) => video.data.explains === slug.replace(/^easy-read\/?/, '') || video.data.explains === slug);
}
