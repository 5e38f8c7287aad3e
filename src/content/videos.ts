import { getCollection, type CollectionEntry } from 'astro:content';

export type VideoEntry = CollectionEntry<'videos'>;

let videos: Promise<VideoEntry[]> | undefined;

/** Every BSL explanation that exists, in title order. Only videos with their files are here: the schema checks. */
export function allVideos(): Promise<VideoEntry[]> {
  // Read once per build: every page asks, and Astro warns each time while the collection is empty.
  videos ??= getCollection('videos').then((entries) => entries.sort((a, b) => a.data.title.localeCompare(b.data.title, 'en')));
  return videos;
}

/** The BSL explanation of a page (by its slug, "what-is-an-imha"), if one has been made. */
export async function videoFor(slug: string): Promise<VideoEntry | undefined> {
  return (await allVideos()).find((video) => video.data.explains === slug.replace(/^easy-read\/?/, '') || video.data.explains === slug);
}
