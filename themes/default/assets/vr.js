/*
 * vr.js — the A-Frame page of a 360°/180° video (body[data-page="vr"]).
 *
 * The page holds the scene (see vr.peb): an <a-videosphere> for mono 360°, and for everything else
 * an entity marked [data-vr-sphere] with data-projection="360|180" and data-stereo="mono|sbs|tb",
 * which gets the `ova-vr-sphere` component below. The video is <video id="vr-video"> in <a-assets>.
 *
 * From file:// browsers refuse a video as a WebGL texture (texImage2D throws SecurityError), so there
 * the page shows its note ([data-vr-file-note]) on how to serve the site and starts no scene at all.
 * Without WebGL 2 (switched off, or no GPU and no software fallback) it shows [data-vr-webgl-note].
 *
 * Loaded with `defer` after aframe.min.js: A-Frame starts its scenes only once the document is
 * complete, so this runs before any entity is initialised and the component is known in time.
 */
(function () {
  'use strict';

  if (document.body.dataset.page !== 'vr') {
    return;
  }

  const fromFile = location.protocol === 'file:';
  const note = document.querySelector('[data-vr-file-note]');
  const video = document.getElementById('vr-video');
  const sceneBox = document.querySelector('.vr-scene');
  const controls = document.querySelector('.vr-controls');

  if (note) {
    note.hidden = !fromFile;
  }

  if (fromFile) {
    stopBeforeStart();
    return;
  }
  if (typeof window.AFRAME === 'undefined') {
    return;
  }
  if (!webGl2Available()) {
    // A-Frame's three.js needs WebGL 2; without it the scene would stay a black box. A-Frame still
    // logs its own failure to create the context, but the page says why and offers the normal player.
    const webGlNote = document.querySelector('[data-vr-webgl-note]');
    if (webGlNote) {
      webGlNote.hidden = false;
    }
    stopBeforeStart();
    return;
  }
  registerSphereComponent(window.AFRAME);
  if (video && video.dataset.src && !video.getAttribute('src')) {
    video.src = video.dataset.src;
  }
  document.querySelectorAll('[data-vr-sphere]').forEach((entity) => {
    entity.setAttribute('ova-vr-sphere', {
      src: '#vr-video',
      projection: entity.dataset.projection || '360',
      stereo: entity.dataset.stereo || 'mono',
    });
  });
  setUpPlayPause();
  nameTheShownButton();

  /**
   * The hint names the button A-Frame really shows: goggles where the browser can enter VR, full-screen
   * arrows on other desktops, none on phones without VR, where moving the phone looks around.
   */
  function nameTheShownButton() {
    const hint = document.querySelector('.vr-hint');
    const scene = document.querySelector('a-scene');
    if (!hint || !scene) {
      return;
    }
    const update = () => {
      const box = document.querySelector('.a-enter-vr');
      const shown = box && !box.classList.contains('a-hidden') && box.offsetParent !== null;
      if (!shown) {
        hint.textContent = 'Drag to look around, or move the phone.';
      } else if (box.classList.contains('fullscreen')) {
        hint.textContent = 'Drag to look around; the button at the bottom right goes full screen.';
      } else {
        hint.textContent = 'Drag to look around; the goggles button at the bottom right enters VR.';
      }
    };
    if (scene.hasLoaded) {
      update();
    } else {
      scene.addEventListener('loaded', () => window.setTimeout(update, 0), { once: true });
    }
  }

  /** Whether this browser can make the WebGL 2 context three.js renders with (off, blocked, no GPU). */
  function webGl2Available() {
    try {
      return document.createElement('canvas').getContext('webgl2') !== null;
    } catch (e) {
      return false;
    }
  }

  /**
   * file:// or no WebGL: no video texture and no download. The scene cannot simply be removed now:
   * A-Frame has already upgraded it and its disconnect handler fails before the scene has started. So
   * it is hidden, stripped of its video, and removed once A-Frame reports it loaded (never, without WebGL).
   */
  function stopBeforeStart() {
    if (video) {
      video.removeAttribute('src');
      video.load(); // abort the download the parser started
      video.remove();
    }
    document.querySelectorAll('a-videosphere[src]').forEach((sphere) => sphere.removeAttribute('src'));
    if (sceneBox) {
      sceneBox.hidden = true;
      const scene = sceneBox.querySelector('a-scene');
      if (scene) {
        scene.addEventListener('loaded', () => sceneBox.remove(), { once: true });
      }
    }
    if (controls) {
      controls.hidden = true;
    }
  }

  // ---------------------------------------------------------------- play / pause

  /** The button, and a click or tap on the scene that was not a drag to look around. */
  function setUpPlayPause() {
    if (!video) {
      return;
    }
    const toggle = () => {
      if (video.paused) {
        video.play().catch(() => {
          // Refused without a user gesture or not loadable: nothing else to do here.
        });
      } else {
        video.pause();
      }
    };
    const button = document.querySelector('.vr-play');
    if (button) {
      button.addEventListener('click', toggle);
    }
    if (sceneBox) {
      let down = null;
      sceneBox.addEventListener('pointerdown', (event) => {
        down = { x: event.clientX, y: event.clientY };
      });
      sceneBox.addEventListener('pointerup', (event) => {
        const moved = down ? Math.hypot(event.clientX - down.x, event.clientY - down.y) : Infinity;
        down = null;
        if (moved < 6 && event.target.tagName === 'CANVAS') {
          toggle();
        }
      });
    }
  }

  // ---------------------------------------------------------------- the sphere component

  /**
   * `ova-vr-sphere`: the video on the inside of a sphere (360°) or a half sphere facing forward
   * (180°). Stereo layouts get one sphere per eye with the eye's half of the frame (sbs: left/right
   * halves, tb: top/bottom), on three.js layer 1 (left eye) and 2 (right eye).
   *
   * Outside VR the main camera also renders layer 1, so the flat view shows the left eye. In WebXR
   * three builds each eye camera's layers as "its eye layer + the main camera's layers", so layer 1 is
   * taken off the main camera while in VR — otherwise the right eye would draw the left sphere too
   * (the reason aframe-stereo-component is not used, see vendor/README.md).
   */
  function registerSphereComponent(AFRAME) {
    const THREE = AFRAME.THREE;

    AFRAME.registerComponent('ova-vr-sphere', {
      schema: {
        src: { type: 'selector' },
        projection: { default: '360', oneOf: ['360', '180'] },
        stereo: { default: 'mono', oneOf: ['mono', 'sbs', 'tb'] },
      },

      init() {
        this.texture = new THREE.VideoTexture(this.data.src);
        this.texture.colorSpace = THREE.SRGBColorSpace;
        const group = new THREE.Group();
        const eyes = this.data.stereo === 'mono' ? ['both'] : ['left', 'right'];
        eyes.forEach((eye) => group.add(this.sphere(eye)));
        this.el.setObject3D('mesh', group);

        const scene = this.el.sceneEl;
        this.stereo = this.data.stereo !== 'mono';
        this.onCamera = () => this.leftEyeOnMainCamera(!scene.is('vr-mode'));
        this.onEnterVr = () => this.leftEyeOnMainCamera(false);
        this.onExitVr = () => this.leftEyeOnMainCamera(true);
        scene.addEventListener('camera-set-active', this.onCamera);
        scene.addEventListener('enter-vr', this.onEnterVr);
        scene.addEventListener('exit-vr', this.onExitVr);
        this.onCamera();
      },

      remove() {
        const scene = this.el.sceneEl;
        scene.removeEventListener('camera-set-active', this.onCamera);
        scene.removeEventListener('enter-vr', this.onEnterVr);
        scene.removeEventListener('exit-vr', this.onExitVr);
        this.el.getObject3D('mesh').children.forEach((mesh) => {
          mesh.geometry.dispose();
          mesh.material.dispose();
        });
        this.texture.dispose();
        this.el.removeObject3D('mesh');
      },

      sphere(eye) {
        const half = this.data.projection === '180';
        // A 180° video covers phi π/2…3π/2, centred where the full sphere has its middle (u = 0.5).
        const geometry = new THREE.SphereGeometry(500, 64, 32, half ? Math.PI / 2 : 0, half ? Math.PI : Math.PI * 2);
        // Seen from inside: mirror x (which also turns the faces inward), then turn the frame's middle
        // to face the camera (-z), as <a-videosphere rotation="0 -90 0"> does.
        geometry.scale(-1, 1, 1);
        geometry.rotateY(-Math.PI / 2);
        if (eye !== 'both') {
          remapUvsToEye(geometry, this.data.stereo, eye);
        }
        const mesh = new THREE.Mesh(geometry, new THREE.MeshBasicMaterial({ map: this.texture }));
        if (eye !== 'both') {
          mesh.layers.set(eye === 'left' ? 1 : 2);
        }
        return mesh;
      },

      leftEyeOnMainCamera(on) {
        const camera = this.el.sceneEl.camera;
        if (camera && this.stereo) {
          if (on) {
            camera.layers.enable(1);
          } else {
            camera.layers.disable(1);
          }
        }
      },
    });

    /** sbs: left eye = left half of the frame; tb: left eye = top half (v runs bottom 0 → top 1). */
    function remapUvsToEye(geometry, stereo, eye) {
      const uv = geometry.attributes.uv;
      for (let i = 0; i < uv.count; i++) {
        const u = uv.getX(i);
        const v = uv.getY(i);
        if (stereo === 'sbs') {
          uv.setXY(i, u * 0.5 + (eye === 'left' ? 0 : 0.5), v);
        } else {
          uv.setXY(i, u, v * 0.5 + (eye === 'left' ? 0.5 : 0));
        }
      }
      uv.needsUpdate = true;
    }
  }
}());
