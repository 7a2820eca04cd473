import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../report.js";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { detectPythonStack } from "./index.js";

function routes(files: FileMap): string[] {
  return (detectPythonStack(scanContextFrom(files)).endpoints ?? []).map(
    (e: Endpoint) =>
      `${e.method} ${e.path} ${e.framework} ${e.file}:${e.line}${e.resolved ? "" : " unresolved"}`,
  );
}

describe("Python route extraction", () => {
  it("does not take requests/httpx client calls for endpoints", () => {
    expect(
      routes({
        "app/client.py": `import httpx
import requests

def load():
    requests.get("https://api.example.com/items", timeout=5)
    return httpx.post("/api/things", json={})
`,
      }),
    ).toEqual([]);
  });

  it("ignores routes defined in test modules and conftest", () => {
    expect(
      routes({
        "conftest.py": `from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/fake")\ndef fake():\n    return {}\n`,
        "tests/test_api.py": `from flask import Flask\napp = Flask(__name__)\n\n@app.route("/t")\ndef t():\n    return "x"\n`,
      }),
    ).toEqual([]);
  });

  it("reports a blueprint nobody registers with its own prefix, unresolved", () => {
    expect(
      routes({
        "app/orphan.py": `from flask import Blueprint\nbp = Blueprint("o", __name__, url_prefix="/orphan")\n\n@bp.get("/list")\ndef listing():\n    return {"items": []}\n`,
      }),
    ).toEqual(["GET /orphan/list flask app/orphan.py:4 unresolved"]);
  });

  it("resolves an f-string route made of module constants, and keeps any other unresolved", () => {
    expect(
      routes({
        "main.py": `from fastapi import FastAPI\nimport os\nVERSION = "v2"\nif os.environ.get("LEGACY"):\n    VERSION = "v1"\napp = FastAPI()\n\n@app.get(f"/{VERSION}/status")\ndef status():\n    return {}\n\n@app.get(f"/{os.environ['ROOT']}/health")\ndef health():\n    return {}\n\n@app.get(f"/{VERSION}/items/{{item_id}}")\ndef item(item_id: int):\n    return {}\n`,
      }),
    ).toEqual([
      `GET \${f"/{os.environ['ROOT']}/health"} fastapi main.py:12 unresolved`,
      "GET /v2/items/{item_id} fastapi main.py:16",
      "GET /v2/status fastapi main.py:8",
    ]);
  });

  it("follows include() of an imported URL module and a SimpleRouter without trailing slashes", () => {
    expect(
      routes({
        "site/urls.py": `from django.urls import include, path\nfrom shop import urls as shop_urls\n\nurlpatterns = [\n    path("shop/", include(shop_urls)),\n]\n`,
        "shop/urls.py": `from rest_framework.routers import SimpleRouter\nfrom .views import OrderViewSet\n\nrouter = SimpleRouter(trailing_slash=False)\nrouter.register("orders", OrderViewSet)\nurlpatterns = router.urls\n`,
        "shop/views.py": `from rest_framework import mixins, viewsets\n\nclass OrderViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):\n    def destroy(self, request, pk=None):\n        pass\n`,
      }),
    ).toEqual([
      "GET /shop/orders djangorestframework shop/urls.py:5",
      "POST /shop/orders djangorestframework shop/urls.py:5",
      "DELETE /shop/orders/{pk} djangorestframework shop/urls.py:5",
    ]);
  });

  it("reads DRF generic views and ViewSet.as_view action maps", () => {
    expect(
      routes({
        "urls.py": `from django.urls import path\nfrom api import views\n\nurlpatterns = [\n    path("notes/", views.NoteList.as_view()),\n    path("tags/", views.TagViewSet.as_view({"get": "list", "post": "create"})),\n]\n`,
        "api/views.py": `from rest_framework import generics, viewsets\n\nclass NoteList(generics.ListCreateAPIView):\n    pass\n\nclass TagViewSet(viewsets.ModelViewSet):\n    pass\n`,
      }),
    ).toEqual([
      "GET /notes/ djangorestframework urls.py:5",
      "POST /notes/ djangorestframework urls.py:5",
      "GET /tags/ djangorestframework urls.py:6",
      "POST /tags/ djangorestframework urls.py:6",
    ]);
  });
});

describe("Python route extraction, patterns seen in real projects", () => {
  it("follows include() of inline lists and of list variables in the same URLconf", () => {
    expect(
      routes({
        "config/settings.py": `ROOT_URLCONF = "config.urls"\n`,
        "config/urls.py": `from django.urls import include, path\nfrom shop.views import cart, checkout, health\n\nsub = [\n    path("checkout/", checkout),\n]\n\nurlpatterns = [\n    path("health/", health),\n    path(\n        "shop/",\n        include(\n            ([path("cart/", cart, name="cart"), path("pay/", include(sub))], "shop"),\n        ),\n    ),\n]\n`,
        "shop/views.py": `from django.views.decorators.http import require_POST\n\ndef cart(request):\n    pass\n\n@require_POST\ndef checkout(request):\n    pass\n\ndef health(request):\n    pass\n`,
      }),
    ).toEqual([
      "ANY /health/ django config/urls.py:9",
      "ANY /shop/cart/ django config/urls.py:13",
      "POST /shop/pay/checkout/ django config/urls.py:5",
    ]);
  });

  it("resolves a FastAPI prefix from a settings default declared once", () => {
    expect(
      routes({
        "app/core/config.py": `from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    API_V1_STR: str = "/api/v1"\n\nsettings = Settings()\n`,
        "app/main.py": `from fastapi import APIRouter, FastAPI\nfrom app.core.config import settings\n\nPREFIX = "/things"\nrouter = APIRouter(prefix=PREFIX)\n\n@router.get("/")\ndef things():\n    return []\n\napp = FastAPI()\napp.include_router(router, prefix=settings.API_V1_STR)\n`,
      }),
    ).toEqual(["GET /api/v1/things/ fastapi app/main.py:7"]);
  });

  it("puts the routes of a FastAPI app mounted into another under the mount path", () => {
    expect(
      routes({
        "src/shop/api.py": `from fastapi import APIRouter\n\napi_router = APIRouter()\norg_router = APIRouter(prefix="/{organization}")\n\n@org_router.get("/orders")\ndef orders():\n    return []\n\napi_router.include_router(org_router)\n`,
        "src/shop/main.py": `from fastapi import FastAPI\nfrom fastapi.staticfiles import StaticFiles\nfrom .api import api_router\n\napp = FastAPI()\nfrontend = FastAPI()\napi = FastAPI(title="shop")\napi.include_router(api_router)\n\n@api.get("/healthcheck")\ndef healthcheck():\n    return {"ok": True}\n\nfrontend.mount("/", StaticFiles(directory="dist"), name="app")\napp.mount("/api/v1", app=api)\napp.mount("/", app=frontend)\n`,
      }),
    ).toEqual([
      "GET /api/v1/healthcheck fastapi src/shop/main.py:10",
      "GET /api/v1/{organization}/orders fastapi src/shop/api.py:6",
    ]);
  });

  it("registers viewsets on the project's own subclass of a DRF router", () => {
    const found = detectPythonStack(
      scanContextFrom({
        "core/api/routers.py": `from rest_framework.routers import DefaultRouter\n\nclass BulkRouter(DefaultRouter):\n    pass\n\nclass InventoryRouter(BulkRouter):\n    pass\n`,
        "inventory/api/urls.py": `from core.api.routers import InventoryRouter\nfrom . import views\n\nrouter = InventoryRouter()\nrouter.register("sites", views.SiteViewSet)\nurlpatterns = router.urls\n`,
        "inventory/api/views.py": `from rest_framework.viewsets import ReadOnlyModelViewSet\n\nclass SiteViewSet(ReadOnlyModelViewSet):\n    queryset = Site.objects.all()\n`,
        "project/urls.py": `from django.urls import include, path\n\nurlpatterns = [path("api/inventory/", include("inventory.api.urls"))]\n`,
      }),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}:${e.line}`)).toEqual([
      "GET /api/inventory/sites/ inventory/api/urls.py:5",
      "GET /api/inventory/sites/{pk}/ inventory/api/urls.py:5",
    ]);
  });

  it("counts views built on a DRF extension's base class as DRF JSON views", () => {
    const found = detectPythonStack(
      scanContextFrom({
        "urls.py": `from django.urls import path\nfrom accounts.apis import LoginApi\n\nurlpatterns = [path("login/", LoginApi.as_view())]\n`,
        "accounts/apis.py": `from rest_framework_simplejwt.views import TokenObtainPairView\n\nclass LoginApi(TokenObtainPairView):\n    def post(self, request):\n        return super().post(request)\n`,
      }),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.framework}`)).toEqual([
      "POST /login/ djangorestframework",
    ]);
    expect(found.signals?.rest_api).toEqual({
      value: true,
      evidence: [{ file: "accounts/apis.py", line: 3, note: "DRF view" }],
    });
  });
});
