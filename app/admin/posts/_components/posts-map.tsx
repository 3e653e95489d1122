'use client';
/**
 * The admin's post map: every post in its agency's colour (inactive ones faded), a click on the map
 * picks the place of a new post, and a marker dragged elsewhere proposes a move that the screen asks
 * to confirm. Browser only (PostsMapLazy); works without tiles on the offline coastline.
 */
import type { LatLng as LeafletLatLng, Marker as LeafletMarker } from 'leaflet';
import { CircleMarker, Tooltip } from 'react-leaflet';
import { BaseMap } from '@/components/map/base-map';
import { TaggedMarker } from '@/components/map/incident-layer-marker';
import { postIcon } from '@/components/map/marker-icons';
import type { AgencyRow, PostRow } from '@/lib/data/admin-config';
import type { LatLng } from '@/lib/domain/geo';
import type { TileConfig } from '@/lib/map/tile-config';

export interface PostsMapProps {
  tiles: TileConfig;
  posts: readonly PostRow[];
  agencies: ReadonlyMap<string, AgencyRow>;
  /** Where a new post would stand (after a click), drawn as a ring. */
  draftPoint: LatLng | null;
  /** Bumped when a proposed move is cancelled, so the dragged marker goes back. */
  resetKey: number;
  onPick: (point: LatLng) => void;
  onDragEnd: (post: PostRow, to: LatLng) => void;
}

export function PostsMap({ tiles, posts, agencies, draftPoint, resetKey, onPick, onDragEnd }: PostsMapProps) {
  return (
    <BaseMap tiles={tiles} onPick={onPick} className="h-full w-full" testId="admin-posts-map">
      {posts.map((post) => {
        const agency = agencies.get(post.agency_id);
        const label = `${agency?.code ?? '?'} — ${post.name}`;
        return (
          <TaggedMarker
            // A new version or a cancelled move redraws the marker where the post really is.
            key={`${post.id}:${post.version}:${resetKey}`}
            position={[post.lat, post.lng]}
            icon={postIcon(agency?.color ?? '#475569', 20)}
            opacity={post.active ? 1 : 0.4}
            draggable
            data={{
              test: 'admin-post-marker',
              'post-id': post.id,
              'agency-id': post.agency_id,
              active: String(post.active),
              lat: post.lat.toFixed(6),
              lng: post.lng.toFixed(6),
            }}
            title={label}
            eventHandlers={{
              dragend: (e) => {
                const to: LeafletLatLng = (e.target as LeafletMarker).getLatLng();
                onDragEnd(post, { lat: to.lat, lng: to.lng });
              },
            }}
          >
            <Tooltip direction="top" offset={[0, -10]}>
              {label}
            </Tooltip>
          </TaggedMarker>
        );
      })}
      {draftPoint && <CircleMarker center={[draftPoint.lat, draftPoint.lng]} radius={10} pathOptions={{ color: '#1d4ed8', weight: 3 }} />}
    </BaseMap>
  );
}
