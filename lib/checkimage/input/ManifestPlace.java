package checkimage.input;

import checkimage.credentials.PullSecret;
import java.util.List;
import java.util.Objects;

/**
 * An image of a Kubernetes manifest and the pull secrets its pod uses: the secrets its {@code imagePullSecrets}
 * (or its service account's) name that are in the input, in order. They come before the standard credential
 * chain for this place, as the kubelet tries a pod's secrets before the node's credentials.
 *
 * @param place where the image is named
 * @param pullSecrets the pod's pull secrets found in the input; empty when none
 */
public record ManifestPlace(ImagePlace place, List<PullSecret> pullSecrets) {

    public ManifestPlace {
        Objects.requireNonNull(place, "place");
        pullSecrets = List.copyOf(pullSecrets);
    }
}
