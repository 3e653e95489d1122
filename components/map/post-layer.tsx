'use client';
/**
 * Agency posts (stations, hospitals, puskesmas, HQs) on a react-leaflet map in their agency's colour.
 * While an incident is selected, posts of the agencies it calls for stand out and the others fade;
 * a click on a post hands it to `onPostClick` (the dispatch screen assigns that agency).
 */
import { Tooltip } from 'react-leaflet';
import { postIcon } from './marker-icons';
import type { LatLng } from '@/lib/domain/geo';
import { TaggedMarker } from './incident-layer-marker';

export interface PostPoint extends LatLng {
  id: string;
  name: string;
  agency_id: string;
}

export interface PostAgency {
  code: string;
  name: string;
  color: string | null;
}

export interface PostLayerProps<P extends PostPoint> {
  posts: readonly P[];
  agencies: ReadonlyMap<string, PostAgency>;
  /** When given, posts of other agencies fade. */
  highlightAgencyIds?: ReadonlySet<string> | null;
  /** Agencies already on the selected incident, drawn with a ring. */
  assignedAgencyIds?: ReadonlySet<string>;
  onPostClick?: (post: P) => void;
  /** Side of a post marker in px (a highlighted one is larger); the wall scales it with the screen. */
  size?: number;
}

export function PostLayer<P extends PostPoint>({ posts, agencies, highlightAgencyIds, assignedAgencyIds, onPostClick, size = 16 }: PostLayerProps<P>) {
  return (
    <>
      {posts.map((post) => {
        const agency = agencies.get(post.agency_id);
        const highlighted = !highlightAgencyIds || highlightAgencyIds.has(post.agency_id);
        const assigned = assignedAgencyIds?.has(post.agency_id) ?? false;
        const label = `${agency?.code ?? '?'} — ${post.name}`;
        return (
          <TaggedMarker
            key={post.id}
            position={[post.lat, post.lng]}
            icon={postIcon(agency?.color ?? '#475569', highlightAgencyIds && highlighted ? Math.round(size * 1.375) : size)}
            opacity={highlighted ? 1 : 0.35}
            zIndexOffset={highlightAgencyIds && highlighted ? 500 : -500}
            data={{
              test: 'post-marker',
              'post-id': post.id,
              'agency-id': post.agency_id,
              // Where the marker stands, so a move made elsewhere can be seen arriving.
              lat: post.lat.toFixed(6),
              lng: post.lng.toFixed(6),
              highlighted: String(highlighted),
              assigned: String(assigned),
            }}
            title={label}
            eventHandlers={onPostClick ? { click: () => onPostClick(post) } : undefined}
          >
            <Tooltip direction="top" offset={[0, -10]}>
              {label}
            </Tooltip>
          </TaggedMarker>
        );
      })}
    </>
  );
}
